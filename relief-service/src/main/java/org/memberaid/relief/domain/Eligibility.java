package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * The programme's rules for paying a member from a fund, as plain Java. Each refusal names its
 * rule (answered 422).
 */
public final class Eligibility {

    /** The rule a disbursement dated too far ahead breaks. */
    public static final String DATE_AHEAD = "disbursement-date-ahead";

    private Eligibility() {
    }

    /**
     * @param livingSubsidyThisYear whether the member already has a requested or approved living
     *     subsidy in the year of {@code disbursedOn}
     */
    public static void check(DisbursementRequest request, MemberReplica member, Fund fund, CountyPolicy policy,
            boolean livingSubsidyThisYear) {
        if (!"ACTIVE".equals(member.registrationStatus)) {
            refuse("member-not-active", "The member is " + member.registrationStatus);
        }
        if (!member.countyCode.equals(fund.countyCode)) {
            refuse("member-county", "The member is registered in " + member.countyCode + ", the fund belongs to "
                    + fund.countyCode);
        }
        checkTerms(request.kind(), request.amount(), request.disbursedOn(), request.mechanism(), fund, policy);
        switch (request.kind()) {
            case HARDSHIP_RELIEF -> requireDifficulty(member);
            case LIVING_SUBSIDY -> checkLivingSubsidy(request, member, policy, livingSubsidyThisYear);
            case STARTUP_SUPPORT -> {
                if (member.laborCapacity == null || "NONE".equals(member.laborCapacity)) {
                    refuse("startup-labor-capacity", "Startup support is for members who can work");
                }
            }
            case HOLIDAY_VISIT -> {
                boolean veteran = member.joinedPartyOn != null
                        && !member.joinedPartyOn.plusYears(policy.veteranYears()).isAfter(request.disbursedOn());
                if (!member.notableContribution && !veteran) {
                    refuse("holiday-visit", "Holiday visits are for members with notable contributions or "
                            + policy.veteranYears() + " years in the party");
                }
            }
        }
    }

    /**
     * The rules that do not depend on the member: the kind is paid from its fund's kind and year,
     * the amount lies in the county's band for the kind, startup support names its mechanism. A
     * cycle is held to them when it is created, every single request when it is made.
     */
    public static void checkTerms(DisbursementKind kind, BigDecimal amount, LocalDate disbursedOn,
            StartupMechanism mechanism, Fund fund, CountyPolicy policy) {
        if (fund.kind != kind.fundKind()) {
            refuse("fund-kind", kind + " is paid from a " + kind.fundKind() + " fund, not " + fund.kind);
        }
        if (fund.year != disbursedOn.getYear()) {
            refuse("fund-year", "The fund is for " + fund.year + ", the disbursement is dated " + disbursedOn);
        }
        switch (kind) {
            case HARDSHIP_RELIEF -> requireWithin(amount, policy.hardshipReliefMin(), policy.hardshipReliefMax(),
                    "hardship relief");
            case LIVING_SUBSIDY -> requireWithin(amount, policy.livingSubsidyMin(), policy.livingSubsidyMax(),
                    "the living subsidy");
            case STARTUP_SUPPORT -> {
                if (mechanism == null) {
                    refuse("startup-mechanism", "Startup support names its mechanism");
                }
                if (amount.compareTo(policy.startupSupportMax()) > 0) {
                    refuse("amount-band", "Startup support is at most " + policy.startupSupportMax().toPlainString()
                            + " yuan in this county");
                }
            }
            case HOLIDAY_VISIT -> {
            }
        }
    }

    /**
     * A disbursement is dated at most {@code maxDaysAhead} days after {@code today}: money is requested
     * ahead for a holiday visit or next month's subsidy, never for a distant date on which nobody can
     * know whether the member will still be eligible. (That it falls in its fund's year is
     * {@code fund-year}.)
     */
    public static void checkDate(LocalDate disbursedOn, LocalDate today, int maxDaysAhead) {
        LocalDate latest = today.plusDays(maxDaysAhead);
        if (disbursedOn.isAfter(latest)) {
            refuse(DATE_AHEAD, "A disbursement may be dated at most " + maxDaysAhead + " days ahead, by " + latest
                    + "; this one is dated " + disbursedOn);
        }
    }

    private static void checkLivingSubsidy(DisbursementRequest request, MemberReplica member, CountyPolicy policy,
            boolean livingSubsidyThisYear) {
        requireDifficulty(member);
        int age = Period.between(member.birthDate, request.disbursedOn()).getYears();
        if (age < policy.livingSubsidyAge()) {
            refuse("living-subsidy-age", "The living subsidy is for members aged " + policy.livingSubsidyAge()
                    + " or more; the member is " + age + " on " + request.disbursedOn());
        }
        if (!"NONE".equals(member.laborCapacity)) {
            refuse("living-subsidy-labor-capacity", "The living subsidy is for members without labour capacity");
        }
        if (member.annualIncome == null || member.annualIncome.signum() != 0) {
            refuse("living-subsidy-income", "The living subsidy is for members without income");
        }
        if (livingSubsidyThisYear) {
            refuse("living-subsidy-once-a-year", "The member already has a living subsidy for "
                    + request.disbursedOn().getYear());
        }
    }

    private static void requireDifficulty(MemberReplica member) {
        if (!"IN_DIFFICULTY".equals(member.hardshipStatus)) {
            refuse("hardship-required", "The member is not assessed as in difficulty (" + member.hardshipStatus + ")");
        }
    }

    private static void requireWithin(BigDecimal amount, BigDecimal min, BigDecimal max, String what) {
        if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
            refuse("amount-band", "The amount of " + what + " is " + min.toPlainString() + " to "
                    + max.toPlainString() + " yuan in this county");
        }
    }

    private static void refuse(String rule, String message) {
        throw new RuleViolationException(rule, message);
    }
}
