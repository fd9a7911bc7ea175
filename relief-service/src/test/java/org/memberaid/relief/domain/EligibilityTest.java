package org.memberaid.relief.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link Eligibility}, each on both sides of its boundary, against the article's
 * default policy (relief 1,000–3,000; subsidy 300–500 from age 70; startup up to 50,000; veterans
 * after 50 years).
 */
class EligibilityTest {

    private static final String COUNTY = "620702";
    private static final LocalDate ON = LocalDate.of(2015, 6, 15);
    private static final CountyPolicy POLICY = CountyPolicy.defaults(COUNTY);

    private final Fund relief = Fund.allocate(COUNTY, 2015, FundKind.SPECIAL_RELIEF, new BigDecimal("500000.00"),
            Instant.now());
    private final Fund startup = Fund.allocate(COUNTY, 2015, FundKind.STARTUP, new BigDecimal("500000.00"),
            Instant.now());

    @Test
    void onlyAnActiveMemberIsPaid() {
        allowed(hardship("3000"), member(m -> { }), relief);
        refused("member-not-active", hardship("3000"), member(m -> m.registrationStatus = "DECEASED"), relief);
    }

    @Test
    void theMemberLivesInTheFundsCounty() {
        refused("member-county", hardship("3000"), member(m -> m.countyCode = "620721"), relief);
    }

    @Test
    void eachKindIsPaidFromItsKindOfFund() {
        refused("fund-kind", hardship("3000"), member(m -> { }), startup);
        refused("fund-kind", startupSupport("1000", StartupMechanism.LOAN_INTEREST_SUBSIDY), member(m -> { }), relief);
        allowed(startupSupport("1000", StartupMechanism.LOAN_INTEREST_SUBSIDY), member(m -> { }), startup);
    }

    @Test
    void theDisbursementIsDatedInTheFundsYear() {
        allowed(request(DisbursementKind.HARDSHIP_RELIEF, "3000", LocalDate.of(2015, 12, 31), null), member(m -> { }),
                relief);
        allowed(request(DisbursementKind.HARDSHIP_RELIEF, "3000", LocalDate.of(2015, 1, 1), null), member(m -> { }),
                relief);
        refused("fund-year", request(DisbursementKind.HARDSHIP_RELIEF, "3000", LocalDate.of(2016, 1, 1), null),
                member(m -> { }), relief);
        refused("fund-year", request(DisbursementKind.HARDSHIP_RELIEF, "3000", LocalDate.of(2014, 12, 31), null),
                member(m -> { }), relief);
    }

    @Test
    void hardshipReliefIsForMembersInDifficulty() {
        refused("hardship-required", hardship("3000"), member(m -> m.hardshipStatus = "NOT_IN_DIFFICULTY"), relief);
    }

    @Test
    void hardshipReliefStaysWithinTheCountysBand() {
        refused("amount-band", hardship("999.99"), member(m -> { }), relief);
        allowed(hardship("1000.00"), member(m -> { }), relief);
        allowed(hardship("3000.00"), member(m -> { }), relief);
        refused("amount-band", hardship("3000.01"), member(m -> { }), relief);
    }

    @Test
    void theLivingSubsidyIsForMembersInDifficulty() {
        refused("hardship-required", livingSubsidy("400"), elderly(m -> m.hardshipStatus = "NOT_IN_DIFFICULTY"),
                relief);
    }

    @Test
    void theLivingSubsidyStaysWithinTheCountysBand() {
        refused("amount-band", livingSubsidy("299.99"), elderly(m -> { }), relief);
        allowed(livingSubsidy("300.00"), elderly(m -> { }), relief);
        allowed(livingSubsidy("500.00"), elderly(m -> { }), relief);
        refused("amount-band", livingSubsidy("500.01"), elderly(m -> { }), relief);
    }

    @Test
    void theLivingSubsidyIsForMembersWhoAreSeventyOnTheDay() {
        allowed(livingSubsidy("400"), elderly(m -> m.birthDate = ON.minusYears(70)), relief);
        refused("living-subsidy-age", livingSubsidy("400"), elderly(m -> m.birthDate = ON.minusYears(70).plusDays(1)),
                relief);
    }

    @Test
    void theLivingSubsidyIsForMembersWithoutLabourCapacity() {
        refused("living-subsidy-labor-capacity", livingSubsidy("400"), elderly(m -> m.laborCapacity = "PARTIAL"),
                relief);
        refused("living-subsidy-labor-capacity", livingSubsidy("400"), elderly(m -> m.laborCapacity = null), relief);
    }

    @Test
    void theLivingSubsidyIsForMembersWithoutIncome() {
        refused("living-subsidy-income", livingSubsidy("400"), elderly(m -> m.annualIncome = new BigDecimal("0.01")),
                relief);
        refused("living-subsidy-income", livingSubsidy("400"), elderly(m -> m.annualIncome = null), relief);
        allowed(livingSubsidy("400"), elderly(m -> m.annualIncome = new BigDecimal("0.00")), relief);
    }

    @Test
    void theLivingSubsidyIsPaidOnceAYear() {
        assertThatThrownBy(() -> Eligibility.check(livingSubsidy("400"), elderly(m -> { }), relief, POLICY, true))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("living-subsidy-once-a-year"));
    }

    @Test
    void startupSupportNamesItsMechanism() {
        refused("startup-mechanism", startupSupport("1000", null), member(m -> { }), startup);
    }

    @Test
    void startupSupportIsForMembersWhoCanWork() {
        refused("startup-labor-capacity", startupSupport("1000", StartupMechanism.PROJECT_DIRECT_SUBSIDY),
                member(m -> m.laborCapacity = "NONE"), startup);
        refused("startup-labor-capacity", startupSupport("1000", StartupMechanism.PROJECT_DIRECT_SUBSIDY),
                member(m -> m.laborCapacity = null), startup);
        allowed(startupSupport("1000", StartupMechanism.PROJECT_DIRECT_SUBSIDY), member(m -> m.laborCapacity = "FULL"),
                startup);
    }

    @Test
    void startupSupportNeedsNoDifficulty() {
        allowed(startupSupport("1000", StartupMechanism.PROJECT_DIRECT_SUBSIDY),
                member(m -> m.hardshipStatus = "NOT_IN_DIFFICULTY"), startup);
    }

    @Test
    void startupSupportStaysWithinTheCountysMaximum() {
        allowed(startupSupport("50000.00", StartupMechanism.REWARD_IN_LIEU_OF_SUBSIDY), member(m -> { }), startup);
        refused("amount-band", startupSupport("50000.01", StartupMechanism.REWARD_IN_LIEU_OF_SUBSIDY),
                member(m -> { }), startup);
    }

    @Test
    void holidayVisitsAreForMembersWithNotableContributions() {
        allowed(holidayVisit(), member(m -> {
            m.notableContribution = true;
            m.joinedPartyOn = null;
        }), relief);
        refused("holiday-visit", holidayVisit(), member(m -> m.joinedPartyOn = null), relief);
    }

    @Test
    void holidayVisitsAreForVeteransOfFiftyYearsOnTheDay() {
        allowed(holidayVisit(), member(m -> m.joinedPartyOn = ON.minusYears(50)), relief);
        refused("holiday-visit", holidayVisit(), member(m -> m.joinedPartyOn = ON.minusYears(50).plusDays(1)), relief);
    }

    @Test
    void holidayVisitsNeedNoDifficulty() {
        allowed(holidayVisit(), member(m -> {
            m.notableContribution = true;
            m.hardshipStatus = "NOT_IN_DIFFICULTY";
        }), relief);
    }

    @Test
    void aDisbursementIsDatedAtMostTheConfiguredDaysAhead() {
        LocalDate today = LocalDate.of(2015, 6, 1);
        assertThatCode(() -> Eligibility.checkDate(today.plusDays(31), today, 31)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Eligibility.checkDate(today.plusDays(32), today, 31))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Eligibility.DATE_AHEAD));
        assertThatCode(() -> Eligibility.checkDate(today.minusYears(1), today, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Eligibility.checkDate(today.plusDays(1), today, 0))
                .isInstanceOf(RuleViolationException.class);
    }

    private static void allowed(DisbursementRequest request, MemberReplica member, Fund fund) {
        assertThatCode(() -> Eligibility.check(request, member, fund, POLICY, false)).doesNotThrowAnyException();
    }

    private static void refused(String rule, DisbursementRequest request, MemberReplica member, Fund fund) {
        assertThatThrownBy(() -> Eligibility.check(request, member, fund, POLICY, false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    /** An active member of the county in difficulty, able to work, 50 on the day, in the party 30 years. */
    private static MemberReplica member(Consumer<MemberReplica> change) {
        MemberReplica member = new MemberReplica();
        member.id = UUID.randomUUID();
        member.countyCode = COUNTY;
        member.birthDate = ON.minusYears(50);
        member.joinedPartyOn = ON.minusYears(30);
        member.laborCapacity = "PARTIAL";
        member.annualIncome = new BigDecimal("2400.00");
        member.notableContribution = false;
        member.hardshipStatus = "IN_DIFFICULTY";
        member.registrationStatus = "ACTIVE";
        change.accept(member);
        return member;
    }

    /** A member the living subsidy is for: 80 on the day, no labour capacity, no income. */
    private static MemberReplica elderly(Consumer<MemberReplica> change) {
        return member(m -> {
            m.birthDate = ON.minusYears(80);
            m.laborCapacity = "NONE";
            m.annualIncome = new BigDecimal("0.00");
            change.accept(m);
        });
    }

    private static DisbursementRequest hardship(String amount) {
        return request(DisbursementKind.HARDSHIP_RELIEF, amount, ON, null);
    }

    private static DisbursementRequest livingSubsidy(String amount) {
        return request(DisbursementKind.LIVING_SUBSIDY, amount, ON, null);
    }

    private static DisbursementRequest startupSupport(String amount, StartupMechanism mechanism) {
        return request(DisbursementKind.STARTUP_SUPPORT, amount, ON, mechanism);
    }

    private static DisbursementRequest holidayVisit() {
        return request(DisbursementKind.HOLIDAY_VISIT, "500", ON, null);
    }

    private static DisbursementRequest request(DisbursementKind kind, String amount, LocalDate on,
            StartupMechanism mechanism) {
        return new DisbursementRequest(UUID.randomUUID(), UUID.randomUUID(), kind, new BigDecimal(amount), on,
                mechanism, null, null, "clerk-a");
    }
}
