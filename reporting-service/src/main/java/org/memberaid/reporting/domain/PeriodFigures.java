package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What happened in a county (or region) in a year or a month: money budgeted and approved,
 * disbursements and beneficiaries, assistance, the flows into and out of difficulty, and payments.
 * Approved money and disbursements count APPROVED and PAID disbursements (neither reversed nor
 * failed in payment) by the date they were disbursed on; fund utilisation is approved / budgeted,
 * recomputed from sums at every level. The payment figures, last so that the columns before them
 * keep their places, split the same disbursements: paid, and outstanding (approved, not yet paid);
 * money whose payment failed went back to the fund and counts in no other money figure. After them,
 * for the same reason: beneficiaries per disbursement kind, and members given medical or education
 * assistance.
 */
public record PeriodFigures(
        long newlyInDifficulty,
        long newlyLiftedOut,
        BigDecimal fundsBudgeted,
        BigDecimal fundsBudgetedSpecialRelief,
        BigDecimal fundsBudgetedStartup,
        @Schema(description = "money of APPROVED and PAID disbursements (paying keeps money approved; a reversal or a "
                + "failed payment takes it back out), by the date disbursed on")
        BigDecimal fundsApproved,
        BigDecimal fundsApprovedHardshipRelief,
        BigDecimal fundsApprovedLivingSubsidy,
        BigDecimal fundsApprovedStartupSupport,
        BigDecimal fundsApprovedHolidayVisit,
        @Schema(nullable = true, description = "fundsApproved / fundsBudgeted, 4 decimals; null when nothing is budgeted")
        BigDecimal fundUtilisation,
        long disbursements,
        long disbursementsHardshipRelief,
        long disbursementsLivingSubsidy,
        long disbursementsStartupSupport,
        long disbursementsHolidayVisit,
        @Schema(description = "distinct members with at least one APPROVED or PAID disbursement")
        long beneficiaries,
        long trainingPersonTimes,
        long jobPlacements,
        long distinctEmployers,
        long minimumLivingAllowanceEnrolments,
        long medicalAssistanceEnrolments,
        long educationAssistanceEnrolments,
        long projectRecommendations,
        long pairings,
        long membersPaired,
        long helpersCadre,
        long helpersBusinessLeader,
        @Schema(description = "money of PAID disbursements, by the date disbursed on (part of fundsApproved)")
        BigDecimal fundsPaid,
        @Schema(description = "money of PAYMENT_FAILED disbursements: it went back to the fund, so it is not in "
                + "fundsApproved")
        BigDecimal fundsPaymentFailed,
        @Schema(description = "money approved and not yet paid: fundsApproved - fundsPaid")
        BigDecimal fundsOutstanding,
        @Schema(description = "distinct members with at least one PAID disbursement")
        long beneficiariesPaid,
        @Schema(description = "distinct members with at least one APPROVED or PAID HARDSHIP_RELIEF disbursement")
        long beneficiariesHardshipRelief,
        @Schema(description = "distinct members with at least one APPROVED or PAID LIVING_SUBSIDY disbursement")
        long beneficiariesLivingSubsidy,
        @Schema(description = "distinct members with at least one APPROVED or PAID STARTUP_SUPPORT disbursement")
        long beneficiariesStartupSupport,
        @Schema(description = "distinct members with at least one APPROVED or PAID HOLIDAY_VISIT disbursement")
        long beneficiariesHolidayVisit,
        @Schema(description = "distinct members with at least one MEDICAL_ASSISTANCE or EDUCATION_ASSISTANCE record "
                + "(a member given both is one)")
        long membersMedicalOrEducationAssisted) {

    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    /**
     * @param flows    the additive figures summed over the period
     * @param distinct distinct counts over the period (not sums of smaller periods' counts)
     * @param budgets  fund kind → budget of the period's year
     */
    public static PeriodFigures of(Map<Figure, BigDecimal> flows, Map<Measure, Long> distinct,
            Map<String, BigDecimal> budgets) {
        BigDecimal specialRelief = money(budgets.get("SPECIAL_RELIEF"));
        BigDecimal startup = money(budgets.get("STARTUP"));
        BigDecimal budgeted = specialRelief.add(startup);
        BigDecimal hardship = money(flows.get(Figure.APPROVED_HARDSHIP_RELIEF));
        BigDecimal living = money(flows.get(Figure.APPROVED_LIVING_SUBSIDY));
        BigDecimal startupSupport = money(flows.get(Figure.APPROVED_STARTUP_SUPPORT));
        BigDecimal holiday = money(flows.get(Figure.APPROVED_HOLIDAY_VISIT));
        BigDecimal approved = hardship.add(living).add(startupSupport).add(holiday);
        long hardshipCount = count(flows, Figure.DISBURSEMENTS_HARDSHIP_RELIEF);
        long livingCount = count(flows, Figure.DISBURSEMENTS_LIVING_SUBSIDY);
        long startupCount = count(flows, Figure.DISBURSEMENTS_STARTUP_SUPPORT);
        long holidayCount = count(flows, Figure.DISBURSEMENTS_HOLIDAY_VISIT);
        BigDecimal paid = money(flows.get(Figure.PAID));
        return new PeriodFigures(count(flows, Figure.NEWLY_IN_DIFFICULTY), count(flows, Figure.NEWLY_LIFTED_OUT),
                budgeted, specialRelief, startup, approved, hardship, living, startupSupport, holiday,
                ratio(approved, budgeted), hardshipCount + livingCount + startupCount + holidayCount, hardshipCount,
                livingCount, startupCount, holidayCount, distinct.getOrDefault(Measure.BENEFICIARY, 0L),
                count(flows, Figure.SKILLS_TRAINING), count(flows, Figure.JOB_PLACEMENT),
                distinct.getOrDefault(Measure.EMPLOYER, 0L), count(flows, Figure.MINIMUM_LIVING_ALLOWANCE),
                count(flows, Figure.MEDICAL_ASSISTANCE), count(flows, Figure.EDUCATION_ASSISTANCE),
                count(flows, Figure.PROJECT_RECOMMENDATION), count(flows, Figure.PAIRING),
                distinct.getOrDefault(Measure.PAIRED_MEMBER, 0L), distinct.getOrDefault(Measure.HELPER_CADRE, 0L),
                distinct.getOrDefault(Measure.HELPER_BUSINESS_LEADER, 0L), paid,
                money(flows.get(Figure.PAYMENT_FAILED)), approved.subtract(paid),
                distinct.getOrDefault(Measure.PAID_BENEFICIARY, 0L),
                distinct.getOrDefault(Measure.BENEFICIARY_HARDSHIP_RELIEF, 0L),
                distinct.getOrDefault(Measure.BENEFICIARY_LIVING_SUBSIDY, 0L),
                distinct.getOrDefault(Measure.BENEFICIARY_STARTUP_SUPPORT, 0L),
                distinct.getOrDefault(Measure.BENEFICIARY_HOLIDAY_VISIT, 0L),
                distinct.getOrDefault(Measure.MEDICAL_OR_EDUCATION_ASSISTED, 0L));
    }

    /** approved / budgeted with 4 decimals; null when nothing is budgeted (no ratio exists). */
    static BigDecimal ratio(BigDecimal approved, BigDecimal budgeted) {
        if (budgeted.signum() == 0) {
            return null;
        }
        return approved.divide(budgeted, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? NO_MONEY : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static long count(Map<Figure, BigDecimal> flows, Figure figure) {
        BigDecimal value = flows.get(figure);
        return value == null ? 0 : value.longValueExact();
    }
}
