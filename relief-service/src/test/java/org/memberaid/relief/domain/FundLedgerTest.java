package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FundLedgerTest {

    private static final CountyPolicy POLICY = CountyPolicy.defaults("620702");

    @Test
    void neverSetsTheBudgetBelowWhatIsApproved() {
        Fund fund = Fund.allocate("620702", 2015, FundKind.SPECIAL_RELIEF, new BigDecimal("500000.00"), Instant.now());
        fund.approved = new BigDecimal("420000.00");
        Fund startup = Fund.allocate("620702", 2015, FundKind.STARTUP, new BigDecimal("500000.00"), Instant.now());
        startup.approved = new BigDecimal("420000.00");
        FundLedger ledger = new FundLedger(List.of(fund, startup));

        assertThatThrownBy(() -> ledger.changeBudget(startup.id, new BigDecimal("419999.99"), POLICY, Instant.now()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("budget-below-approved"));
        assertThat(startup.budget).isEqualByComparingTo("500000.00");
        ledger.changeBudget(startup.id, new BigDecimal("420000.00"), POLICY, Instant.now());

        assertThat(startup.remaining()).isEqualByComparingTo("0");
        assertThat(ledger.movements()).isEmpty();
    }

    @Test
    void chargesWhileTheRemainingBudgetCoversTheAmount() {
        Fund fund = fund(FundKind.STARTUP, "10000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        ledger.charge(fund.id, new BigDecimal("9999.99"));
        assertThat(ledger.remaining(fund.id)).isEqualByComparingTo("0.01");
        ledger.charge(fund.id, new BigDecimal("0.01"));

        assertThat(ledger.remaining(fund.id)).isEqualByComparingTo("0");
        assertThat(fund.approved).isEqualByComparingTo("10000.00");
        assertThat(ledger.movements()).containsExactly(Map.entry(fund.id, new BigDecimal("10000.00")));
    }

    @Test
    void refusesACharge1FenBeyondWhatRemainsAndChangesNothing() {
        Fund fund = fund(FundKind.STARTUP, "10000.00");
        fund.approved = new BigDecimal("4000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        assertThatThrownBy(() -> ledger.charge(fund.id, new BigDecimal("6000.01")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.slug()).isEqualTo("insufficient-funds");
                    assertThat(e.details()).containsEntry("remaining", new BigDecimal("6000.00"));
                });

        assertThat(fund.approved).isEqualByComparingTo("4000.00");
        assertThat(ledger.remaining(fund.id)).isEqualByComparingTo("6000.00");
        assertThat(ledger.movements()).isEmpty();
    }

    @Test
    void aBatchThatWouldOverspendRefusesExactlyTheChargesBeyondTheRemainingMoneyInOrder() {
        Fund fund = fund(FundKind.SPECIAL_RELIEF, "500000.00");
        fund.approved = new BigDecimal("490000.00");
        FundLedger ledger = new FundLedger(List.of(fund));
        List<String> amounts = List.of("3000", "4000", "5000", "2000", "1500", "1000", "0.01");

        List<Boolean> charged = new ArrayList<>();
        for (String amount : amounts) {
            try {
                ledger.charge(fund.id, new BigDecimal(amount));
                charged.add(true);
            } catch (ConflictException refused) {
                charged.add(false);
            }
        }

        assertThat(charged).containsExactly(true, true, false, true, false, true, false);
        assertThat(ledger.remaining(fund.id)).isEqualByComparingTo("0");
        assertThat(ledger.movements()).containsExactly(Map.entry(fund.id, new BigDecimal("10000")));
    }

    @Test
    void fiftyChargesOfAFundThatCanPayTenTakeTheFirstTen() {
        Fund fund = fund(FundKind.STARTUP, "80000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        int charged = 0;
        for (int i = 0; i < 50; i++) {
            try {
                ledger.charge(fund.id, new BigDecimal("8000.00"));
                assertThat(i).as("charge number").isLessThan(10);
                charged++;
            } catch (ConflictException refused) {
                assertThat(i).as("refusal number").isGreaterThanOrEqualTo(10);
            }
        }

        assertThat(charged).isEqualTo(10);
        assertThat(fund.approved).isEqualByComparingTo("80000.00");
    }

    @Test
    void aRefundReturnsTheMoneyAndMakesRoomForLaterCharges() {
        Fund fund = fund(FundKind.SPECIAL_RELIEF, "500000.00");
        fund.approved = new BigDecimal("500000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        ledger.refund(fund.id, new BigDecimal("3000.00"));
        assertThat(ledger.remaining(fund.id)).isEqualByComparingTo("3000.00");
        ledger.charge(fund.id, new BigDecimal("1000.00"));

        assertThat(fund.approved).isEqualByComparingTo("498000.00");
        assertThat(ledger.movements()).containsExactly(Map.entry(fund.id, new BigDecimal("-2000.00")));
    }

    @Test
    void neverRefundsMoreThanTheFundHasApproved() {
        Fund fund = fund(FundKind.SPECIAL_RELIEF, "500000.00");
        fund.approved = new BigDecimal("3000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        assertThatThrownBy(() -> ledger.refund(fund.id, new BigDecimal("3000.01")))
                .isInstanceOf(IllegalStateException.class);
        ledger.refund(fund.id, new BigDecimal("3000.00"));

        assertThat(fund.approved).isEqualByComparingTo("0");
    }

    @Test
    void movesEachFundOnceInIdOrderLeavingOutThoseThatCancelOut() {
        Fund first = fund(FundKind.SPECIAL_RELIEF, "500000.00");
        Fund second = fund(FundKind.STARTUP, "100000.00");
        Fund third = fund(FundKind.STARTUP, "100000.00");
        first.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        second.id = UUID.fromString("00000000-0000-0000-0000-000000000002");
        third.id = UUID.fromString("00000000-0000-0000-0000-000000000003");
        FundLedger ledger = new FundLedger(List.of(third, first, second));

        ledger.charge(third.id, new BigDecimal("100.00"));
        ledger.charge(first.id, new BigDecimal("1000.00"));
        ledger.charge(second.id, new BigDecimal("500.00"));
        ledger.charge(first.id, new BigDecimal("2000.00"));
        ledger.refund(second.id, new BigDecimal("500.00"));

        assertThat(ledger.movements()).containsExactly(Map.entry(first.id, new BigDecimal("3000.00")),
                Map.entry(third.id, new BigDecimal("100.00")));
    }

    @Test
    void movesOnlyPositiveAmountsOfFundsItHolds() {
        Fund fund = fund(FundKind.STARTUP, "100000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        assertThatThrownBy(() -> ledger.charge(fund.id, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.refund(fund.id, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.charge(UUID.randomUUID(), BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.fund(fund.id)).isSameAs(fund);
        assertThat(ledger.fund(UUID.randomUUID())).isNull();
    }

    @Test
    void aSpecialReliefBudgetReachesTheCountysFloor() {
        assertThatThrownBy(() -> FundLedger.requireFloor(FundKind.SPECIAL_RELIEF, new BigDecimal("499999.99"), POLICY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("special-relief-floor"));
        FundLedger.requireFloor(FundKind.SPECIAL_RELIEF, new BigDecimal("500000.00"), POLICY);
        FundLedger.requireFloor(FundKind.STARTUP, new BigDecimal("0.01"), POLICY);
    }

    @Test
    void aBudgetChangeKeepsASpecialReliefFundAtItsFloor() {
        Fund fund = fund(FundKind.SPECIAL_RELIEF, "600000.00");
        FundLedger ledger = new FundLedger(List.of(fund));

        assertThatThrownBy(() -> ledger.changeBudget(fund.id, new BigDecimal("499999.99"), POLICY, Instant.now()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("special-relief-floor"));
        assertThat(fund.budget).isEqualByComparingTo("600000.00");
        ledger.changeBudget(fund.id, new BigDecimal("500000.00"), POLICY, Instant.now());

        assertThat(ledger.remaining(fund.id)).isEqualByComparingTo("500000.00");
    }

    private static Fund fund(FundKind kind, String budget) {
        return Fund.allocate("620702", 2015, kind, new BigDecimal(budget), Instant.now());
    }
}
