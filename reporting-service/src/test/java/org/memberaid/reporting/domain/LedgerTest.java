package org.memberaid.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final LocalDate MARCH = LocalDate.of(2015, 3, 1);

    @Test
    void aTransferTakesTheMemberOutOfOneCountyAndIntoTheOther() {
        Ledger ledger = new Ledger();
        MemberState before = new MemberState(MEMBER, "620721", "ACTIVE", "IN_DIFFICULTY", 1, LocalDate.of(2015, 1, 5));
        MemberState after = new MemberState(MEMBER, "620722", "ACTIVE", "IN_DIFFICULTY", 2, LocalDate.of(2015, 3, 15));

        ledger.member(before, after);

        assertThat(ledger.stock()).containsEntry("620721", new CountyFigures(-1, -1, 0))
                .containsEntry("620722", new CountyFigures(1, 1, 0));
        assertThat(ledger.figures()).containsEntry(key("620721", Figure.MEMBERS_TOTAL), BigDecimal.valueOf(-1))
                .containsEntry(key("620722", Figure.MEMBERS_IN_DIFFICULTY), BigDecimal.ONE)
                .doesNotContainKey(key("620722", Figure.NEWLY_IN_DIFFICULTY));
    }

    @Test
    void countsARegistrationInDifficultyAsNewlyIdentifiedAndALiftingOutAsSuch() {
        Ledger ledger = new Ledger();
        MemberState registered = new MemberState(MEMBER, "620721", "ACTIVE", "IN_DIFFICULTY", 1, LocalDate.of(2015, 3, 2));
        MemberState liftedOut = new MemberState(MEMBER, "620721", "ACTIVE", "LIFTED_OUT", 2, LocalDate.of(2015, 3, 20));

        ledger.member(null, registered);
        ledger.member(registered, liftedOut);

        assertThat(ledger.stock()).containsEntry("620721", new CountyFigures(1, 0, 1));
        assertThat(ledger.figures()).containsEntry(key("620721", Figure.NEWLY_IN_DIFFICULTY), BigDecimal.ONE)
                .containsEntry(key("620721", Figure.NEWLY_LIFTED_OUT), BigDecimal.ONE);
    }

    @Test
    void aDeregisteredMemberDropsOutOfEveryCountAndTheCancelledOutChangeStaysAZeroRow() {
        Ledger ledger = new Ledger();
        MemberState active = new MemberState(MEMBER, "620723", "ACTIVE", "NOT_IN_DIFFICULTY", 1, MARCH);

        ledger.member(null, active);
        ledger.member(active, new MemberState(MEMBER, "620723", "DECEASED", "NOT_IN_DIFFICULTY", 2, MARCH));

        assertThat(ledger.stock()).containsExactly(Map.entry("620723", CountyFigures.ZERO));
        assertThat(ledger.figures().get(key("620723", Figure.MEMBERS_TOTAL))).isZero();
        assertThat(ledger.figures()).doesNotContainKey(key("620723", Figure.MEMBERS_IN_DIFFICULTY));
    }

    @Test
    void aChangeDatedBeforeTheStateHeldCountsFromThatStatesDateSoNoMonthCountsTheMemberTwice() {
        Ledger ledger = new Ledger();
        MemberState registered = new MemberState(MEMBER, "620721", "ACTIVE", "NOT_IN_DIFFICULTY", 1, MARCH);
        MemberState transferred = new MemberState(MEMBER, "620722", "ACTIVE", "NOT_IN_DIFFICULTY", 2,
                LocalDate.of(2015, 9, 1));
        // entered after the transfer, but dated before it
        MemberState assessed = new MemberState(MEMBER, "620722", "ACTIVE", "IN_DIFFICULTY", 3, LocalDate.of(2015, 5, 4));

        ledger.member(null, registered);
        ledger.member(registered, transferred);
        MemberState kept = ledger.member(transferred, assessed);

        assertThat(kept.since()).isEqualTo(LocalDate.of(2015, 9, 1));
        LocalDate may = LocalDate.of(2015, 5, 1);
        assertThat(ledger.figures()).doesNotContainKey(new Ledger.MonthKey("620722", may, Figure.MEMBERS_IN_DIFFICULTY))
                .containsEntry(new Ledger.MonthKey("620722", LocalDate.of(2015, 9, 1), Figure.MEMBERS_IN_DIFFICULTY),
                        BigDecimal.ONE)
                .containsEntry(new Ledger.MonthKey("620722", LocalDate.of(2015, 9, 1), Figure.NEWLY_IN_DIFFICULTY),
                        BigDecimal.ONE);
        assertThat(ledger.stock()).containsEntry("620721", CountyFigures.ZERO)
                .containsEntry("620722", new CountyFigures(1, 1, 0));
    }

    @Test
    void onlyAnApprovedDisbursementCountsAndAReversalTakesItBack() {
        Ledger ledger = new Ledger();
        UUID id = UUID.randomUUID();
        DisbursementState requested = disbursement(id, "REQUESTED", 1);
        DisbursementState approved = disbursement(id, "APPROVED", 2);

        ledger.disbursement(null, requested);
        ledger.disbursement(requested, approved);
        assertThat(ledger.figures().get(key("620724", Figure.APPROVED_HARDSHIP_RELIEF))).isEqualByComparingTo("2500.50");
        assertThat(ledger.distinct()).containsValue(1);

        ledger.disbursement(approved, disbursement(id, "REVERSED", 3));
        assertThat(ledger.figures().get(key("620724", Figure.APPROVED_HARDSHIP_RELIEF))).isZero();
        assertThat(ledger.figures().get(key("620724", Figure.DISBURSEMENTS_HARDSHIP_RELIEF))).isZero();
        assertThat(ledger.distinct()).containsOnly(
                Map.entry(new Ledger.DistinctKey("620724", MARCH, Measure.BENEFICIARY, MEMBER.toString()), 0),
                Map.entry(new Ledger.DistinctKey("620724", MARCH, Measure.BENEFICIARY_HARDSHIP_RELIEF,
                        MEMBER.toString()), 0));
    }

    @Test
    void countsAMemberOnceInEachKindTheyHaveAnApprovedOrPaidDisbursementOf() {
        Ledger ledger = new Ledger();
        UUID firstRelief = UUID.randomUUID();
        UUID secondRelief = UUID.randomUUID();

        ledger.disbursement(null, disbursement(firstRelief, "HARDSHIP_RELIEF", "APPROVED", 2));
        ledger.disbursement(null, disbursement(secondRelief, "HARDSHIP_RELIEF", "APPROVED", 2));
        ledger.disbursement(disbursement(secondRelief, "HARDSHIP_RELIEF", "APPROVED", 2),
                disbursement(secondRelief, "HARDSHIP_RELIEF", "PAID", 3));
        ledger.disbursement(null, disbursement(UUID.randomUUID(), "STARTUP_SUPPORT", "PAID", 3));
        ledger.disbursement(null, disbursement(UUID.randomUUID(), "HOLIDAY_VISIT", "REQUESTED", 1));

        PeriodFigures figures = march(ledger);
        assertThat(figures.disbursementsHardshipRelief()).isEqualTo(2);
        assertThat(figures.beneficiariesHardshipRelief()).isEqualTo(1);
        assertThat(figures.beneficiariesStartupSupport()).isEqualTo(1);
        assertThat(figures.beneficiariesLivingSubsidy()).isZero();
        assertThat(figures.beneficiariesHolidayVisit()).isZero();
        assertThat(figures.beneficiaries()).isEqualTo(1);
        assertThat(ledger.distinct()).containsEntry(new Ledger.DistinctKey("620724", MARCH,
                Measure.BENEFICIARY_HARDSHIP_RELIEF, MEMBER.toString()), 2);
    }

    @Test
    void aReversalTakesTheMemberOutOfAKindOnlyWhenItWasTheirOnlyDisbursementOfIt() {
        Ledger ledger = new Ledger();
        UUID firstRelief = UUID.randomUUID();
        UUID secondRelief = UUID.randomUUID();
        UUID subsidy = UUID.randomUUID();
        ledger.disbursement(null, disbursement(firstRelief, "HARDSHIP_RELIEF", "APPROVED", 2));
        ledger.disbursement(null, disbursement(secondRelief, "HARDSHIP_RELIEF", "APPROVED", 2));
        ledger.disbursement(null, disbursement(subsidy, "LIVING_SUBSIDY", "APPROVED", 2));

        ledger.disbursement(disbursement(subsidy, "LIVING_SUBSIDY", "APPROVED", 2),
                disbursement(subsidy, "LIVING_SUBSIDY", "REVERSED", 3));
        ledger.disbursement(disbursement(firstRelief, "HARDSHIP_RELIEF", "APPROVED", 2),
                disbursement(firstRelief, "HARDSHIP_RELIEF", "REVERSED", 3));

        PeriodFigures figures = march(ledger);
        assertThat(figures.beneficiariesLivingSubsidy()).isZero();
        assertThat(figures.beneficiariesHardshipRelief()).isEqualTo(1);
        assertThat(figures.beneficiaries()).isEqualTo(1);
    }

    @Test
    void aFailedPaymentTakesTheMemberOutOfItsKindAndAPaymentKeepsThemIn() {
        Ledger ledger = new Ledger();
        UUID failed = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        ledger.disbursement(null, disbursement(failed, "HOLIDAY_VISIT", "APPROVED", 2));
        ledger.disbursement(null, disbursement(paid, "STARTUP_SUPPORT", "APPROVED", 2));

        ledger.disbursement(disbursement(failed, "HOLIDAY_VISIT", "APPROVED", 2),
                disbursement(failed, "HOLIDAY_VISIT", "PAYMENT_FAILED", 3));
        ledger.disbursement(disbursement(paid, "STARTUP_SUPPORT", "APPROVED", 2),
                disbursement(paid, "STARTUP_SUPPORT", "PAID", 3));

        PeriodFigures figures = march(ledger);
        assertThat(figures.beneficiariesHolidayVisit()).isZero();
        assertThat(figures.beneficiariesStartupSupport()).isEqualTo(1);
        assertThat(figures.beneficiaries()).isEqualTo(1);
    }

    @Test
    void countsAMemberGivenMedicalAndEducationAssistanceOnceAndNoOtherKind() {
        Ledger ledger = new Ledger();
        UUID other = UUID.randomUUID();
        UUID trainee = UUID.randomUUID();

        ledger.assistance(assistance(MEMBER, Figure.MEDICAL_ASSISTANCE));
        ledger.assistance(assistance(MEMBER, Figure.EDUCATION_ASSISTANCE));
        ledger.assistance(assistance(other, Figure.EDUCATION_ASSISTANCE));
        ledger.assistance(assistance(trainee, Figure.SKILLS_TRAINING));
        ledger.assistance(assistance(trainee, Figure.MINIMUM_LIVING_ALLOWANCE));

        PeriodFigures figures = march(ledger);
        assertThat(figures.medicalAssistanceEnrolments()).isEqualTo(1);
        assertThat(figures.educationAssistanceEnrolments()).isEqualTo(2);
        assertThat(figures.membersMedicalOrEducationAssisted()).isEqualTo(2);
        assertThat(ledger.distinct()).containsEntry(new Ledger.DistinctKey("620724", MARCH,
                Measure.MEDICAL_OR_EDUCATION_ASSISTED, MEMBER.toString()), 2);
    }

    @Test
    void payingAnApprovedDisbursementKeepsItApprovedAndMovesItFromOutstandingToPaid() {
        Ledger ledger = new Ledger();
        UUID id = UUID.randomUUID();
        DisbursementState approved = disbursement(id, "APPROVED", 2);
        DisbursementState paid = disbursement(id, "PAID", 3);
        ledger.disbursement(null, approved);
        PeriodFigures before = march(ledger);
        assertThat(before.fundsApproved()).isEqualByComparingTo("2500.50");
        assertThat(before.fundsOutstanding()).isEqualByComparingTo("2500.50");
        assertThat(before.fundsPaid()).isZero();
        assertThat(before.beneficiariesPaid()).isZero();

        ledger.disbursement(approved, paid);

        PeriodFigures after = march(ledger);
        assertThat(after.fundsApproved()).isEqualByComparingTo("2500.50");
        assertThat(after.fundsApprovedHardshipRelief()).isEqualByComparingTo("2500.50");
        assertThat(after.fundUtilisation()).isEqualByComparingTo(before.fundUtilisation()).isEqualByComparingTo("0.2501");
        assertThat(after.fundsPaid()).isEqualByComparingTo("2500.50");
        assertThat(after.fundsOutstanding()).isEqualByComparingTo("0.00");
        assertThat(after.fundsPaymentFailed()).isZero();
        assertThat(after.disbursements()).isEqualTo(1);
        assertThat(after.beneficiaries()).isEqualTo(1);
        assertThat(after.beneficiariesPaid()).isEqualTo(1);
    }

    @Test
    void aPaymentWritesOnlyThePaymentFigures() {
        Ledger ledger = new Ledger();
        UUID id = UUID.randomUUID();

        ledger.disbursement(disbursement(id, "APPROVED", 2), disbursement(id, "PAID", 3));

        assertThat(ledger.figures()).containsOnlyKeys(key("620724", Figure.PAID));
        assertThat(ledger.distinct()).containsOnlyKeys(
                new Ledger.DistinctKey("620724", MARCH, Measure.PAID_BENEFICIARY, MEMBER.toString()));
    }

    @Test
    void aFailedPaymentTakesTheMoneyOutOfApprovedAndOutstandingAndCountsItFailed() {
        Ledger ledger = new Ledger();
        UUID id = UUID.randomUUID();
        DisbursementState approved = disbursement(id, "APPROVED", 2);
        ledger.disbursement(null, approved);

        ledger.disbursement(approved, disbursement(id, "PAYMENT_FAILED", 3));

        PeriodFigures figures = march(ledger);
        assertThat(figures.fundsApproved()).isEqualByComparingTo("0.00");
        assertThat(figures.fundsOutstanding()).isEqualByComparingTo("0.00");
        assertThat(figures.fundsPaid()).isEqualByComparingTo("0.00");
        assertThat(figures.fundsPaymentFailed()).isEqualByComparingTo("2500.50");
        assertThat(figures.fundUtilisation()).isEqualByComparingTo("0");
        assertThat(figures.disbursements()).isZero();
        assertThat(figures.beneficiaries()).isZero();
        assertThat(figures.beneficiariesPaid()).isZero();
    }

    @Test
    void aMemberPaidTwiceIsOneBeneficiaryPaid() {
        Ledger ledger = new Ledger();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        ledger.disbursement(null, disbursement(first, "APPROVED", 2));
        ledger.disbursement(null, disbursement(second, "APPROVED", 2));
        ledger.disbursement(disbursement(first, "APPROVED", 2), disbursement(first, "PAID", 3));
        ledger.disbursement(disbursement(second, "APPROVED", 2), disbursement(second, "PAID", 3));

        assertThat(ledger.distinct()).containsEntry(
                new Ledger.DistinctKey("620724", MARCH, Measure.PAID_BENEFICIARY, MEMBER.toString()), 2);
        PeriodFigures figures = march(ledger);
        assertThat(figures.fundsPaid()).isEqualByComparingTo("5001.00");
        assertThat(figures.fundsOutstanding()).isEqualByComparingTo("0.00");
        assertThat(figures.beneficiariesPaid()).isEqualTo(1);
        assertThat(figures.beneficiaries()).isEqualTo(1);
    }

    @Test
    void anApprovalOrAPaymentDeliveredAgainAfterThePaymentChangesNothing() {
        UUID id = UUID.randomUUID();
        NewestVersions<UUID, DisbursementState> states = new NewestVersions<>(Map.of(), DisbursementState::version);
        Ledger ledger = new Ledger();
        BinaryOperator<DisbursementState> transition = (held, incoming) -> {
            ledger.disbursement(held, incoming);
            return incoming;
        };
        // the payment overtook the approval
        states.apply(id, disbursement(id, "PAID", 3), transition);
        Map<Ledger.MonthKey, BigDecimal> afterPayment = Map.copyOf(ledger.figures());

        boolean late = states.apply(id, disbursement(id, "APPROVED", 2), transition);
        boolean again = states.apply(id, disbursement(id, "PAID", 3), transition);

        assertThat(late).isFalse();
        assertThat(again).isFalse();
        assertThat(ledger.figures()).isEqualTo(afterPayment);
        PeriodFigures figures = march(ledger);
        assertThat(figures.fundsApproved()).isEqualByComparingTo("2500.50");
        assertThat(figures.fundsPaid()).isEqualByComparingTo("2500.50");
        assertThat(figures.fundsOutstanding()).isEqualByComparingTo("0.00");
        assertThat(figures.beneficiaries()).isEqualTo(1);
        assertThat(figures.beneficiariesPaid()).isEqualTo(1);
    }

    @Test
    void newestVersionsIgnoresASnapshotNotNewerThanTheOneHeld() {
        MemberState held = new MemberState(MEMBER, "620725", "ACTIVE", "NOT_IN_DIFFICULTY", 3, MARCH);
        NewestVersions<UUID, MemberState> states = new NewestVersions<>(Map.of(MEMBER, held), MemberState::version);
        Ledger ledger = new Ledger();

        boolean older = states.apply(MEMBER, new MemberState(MEMBER, "620702", "ACTIVE", "IN_DIFFICULTY", 2, MARCH),
                ledger::member);
        boolean same = states.apply(MEMBER, held, ledger::member);

        assertThat(older).isFalse();
        assertThat(same).isFalse();
        assertThat(states.changed()).isEmpty();
        assertThat(ledger.stock()).isEmpty();
    }

    private static DisbursementState disbursement(UUID id, String status, long version) {
        return disbursement(id, "HARDSHIP_RELIEF", status, version);
    }

    private static DisbursementState disbursement(UUID id, String kind, String status, long version) {
        return new DisbursementState(id, MEMBER, "620724", MARCH, kind, new BigDecimal("2500.50"), status, version);
    }

    private static Assistance assistance(UUID member, Figure kind) {
        return new Assistance(UUID.randomUUID(), member, "620724", kind, MARCH.plusDays(9), null, null, null);
    }

    /** March of county 620724 as a report shows it from this ledger's changes alone, with 10,000 budgeted. */
    private static PeriodFigures march(Ledger ledger) {
        Map<Figure, BigDecimal> flows = new EnumMap<>(Figure.class);
        ledger.figures().forEach((key, amount) -> {
            if (key.countyCode().equals("620724") && key.month().equals(MARCH)) {
                flows.merge(key.figure(), amount, BigDecimal::add);
            }
        });
        Map<Measure, Long> distinct = new EnumMap<>(Measure.class);
        ledger.distinct().forEach((key, weight) -> {
            if (weight > 0) {
                distinct.merge(key.measure(), 1L, Long::sum);
            }
        });
        return PeriodFigures.of(flows, distinct, Map.of("SPECIAL_RELIEF", new BigDecimal("10000.00")));
    }

    private static Ledger.MonthKey key(String county, Figure figure) {
        return new Ledger.MonthKey(county, MARCH, figure);
    }
}
