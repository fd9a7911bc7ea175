package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.memberaid.relief.domain.CycleEvaluation.Candidate;

/** Which members a cycle entitles: the single request's rules, and each kind once a year. */
class CycleEvaluationTest {

    private static final String COUNTY = "620722";
    private static final LocalDate ON = LocalDate.of(2015, 12, 1);
    private static final CountyPolicy POLICY = CountyPolicy.defaults(COUNTY);

    private final Fund relief = Fund.allocate(COUNTY, 2015, FundKind.SPECIAL_RELIEF, new BigDecimal("500000.00"),
            Instant.now());

    private Cycle cycle(DisbursementKind kind, String amount) {
        return Cycle.draft(COUNTY, kind, relief.id, "2015年度", new BigDecimal(amount), ON, null, "clerk", Instant.now());
    }

    private static MemberReplica member(Consumer<MemberReplica> change) {
        MemberReplica m = new MemberReplica();
        m.id = UUID.randomUUID();
        m.countyCode = COUNTY;
        m.birthDate = LocalDate.of(1940, 1, 1);
        m.joinedPartyOn = LocalDate.of(1960, 7, 1);
        m.laborCapacity = "NONE";
        m.annualIncome = BigDecimal.ZERO;
        m.hardshipStatus = "IN_DIFFICULTY";
        m.registrationStatus = "ACTIVE";
        change.accept(m);
        return m;
    }

    @Test
    void entitlesWhomTheRulesAdmitAndCountsTheRestPerRule() {
        MemberReplica elder = member(m -> { });
        MemberReplica young = member(m -> m.birthDate = LocalDate.of(1960, 1, 1));
        MemberReplica earning = member(m -> m.annualIncome = new BigDecimal("100"));
        MemberReplica dead = member(m -> m.registrationStatus = "DECEASED");
        MemberReplica paid = member(m -> { });

        CycleEvaluation.Outcome outcome = CycleEvaluation.evaluate(cycle(DisbursementKind.LIVING_SUBSIDY, "500"),
                relief, POLICY, List.of(new Candidate(elder, false), new Candidate(young, false),
                        new Candidate(earning, false), new Candidate(dead, false), new Candidate(paid, true)));

        assertThat(outcome.entitled()).containsExactly(elder.id);
        assertThat(outcome.excluded()).isEqualTo(Map.of("living-subsidy-age", 1,
                "living-subsidy-income", 1, "living-subsidy-once-a-year", 1, "member-not-active", 1));
    }

    @Test
    void leavesOutWhoAlreadyHasTheKindThisYear() {
        MemberReplica veteran = member(m -> { });
        Cycle visits = cycle(DisbursementKind.HOLIDAY_VISIT, "800");

        assertThat(CycleEvaluation.refusal(visits, relief, POLICY, new Candidate(veteran, false))).isNull();
        assertThat(CycleEvaluation.refusal(visits, relief, POLICY, new Candidate(veteran, true)))
                .isEqualTo(CycleEvaluation.ALREADY_THIS_YEAR);
        assertThat(CycleEvaluation.refusal(visits, relief, POLICY,
                new Candidate(member(m -> m.joinedPartyOn = LocalDate.of(2000, 1, 1)), false)))
                .isEqualTo("holiday-visit");
    }

    @Test
    void theCyclesTermsAreTheSingleRequestsTerms() {
        assertThatThrownBy(() -> Eligibility.checkTerms(DisbursementKind.LIVING_SUBSIDY, new BigDecimal("500.01"), ON,
                null, relief, POLICY)).isInstanceOf(RuleViolationException.class).extracting("rule")
                .isEqualTo("amount-band");
        assertThatThrownBy(() -> Eligibility.checkTerms(DisbursementKind.STARTUP_SUPPORT, new BigDecimal("500"), ON,
                StartupMechanism.GUARANTEE_MUTUAL_AID, relief, POLICY)).extracting("rule").isEqualTo("fund-kind");
        assertThatThrownBy(() -> Eligibility.checkTerms(DisbursementKind.LIVING_SUBSIDY, new BigDecimal("500"),
                ON.plusYears(1), null, relief, POLICY)).extracting("rule").isEqualTo("fund-year");
    }

    @Test
    void aCycleMovesFromDraftOnceAndOnlyByAnotherUser() {
        Cycle cycle = cycle(DisbursementKind.LIVING_SUBSIDY, "500");
        assertThatThrownBy(() -> cycle.checkApprovableBy("head")).extracting("slug").isEqualTo("cycle-not-evaluated");
        cycle.evaluated(3, Map.of(), Instant.now());
        assertThat(cycle.total).isEqualByComparingTo("1500.00");
        cycle.entitlementRemoved(Instant.now());
        assertThat(cycle.total).isEqualByComparingTo("1000.00");
        assertThatThrownBy(() -> cycle.approve("clerk", Instant.now())).extracting("rule").isEqualTo("maker-checker");
        cycle.approve("head", Instant.now());
        assertThat(cycle.status).isEqualTo(CycleStatus.APPROVED);
        assertThatThrownBy(() -> cycle.reject("head", "late", Instant.now())).extracting("slug")
                .isEqualTo("illegal-transition");
        assertThatThrownBy(() -> cycle.evaluated(1, Map.of(), Instant.now())).extracting("slug")
                .isEqualTo("illegal-transition");
    }
}
