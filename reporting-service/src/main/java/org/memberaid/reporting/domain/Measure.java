package org.memberaid.reporting.domain;

/** Values counted distinctly per county and period: a member or an employer counts once however often it appears. */
public enum Measure {
    /** members with an approved (or paid) disbursement, neither reversed nor failed in payment */
    BENEFICIARY,
    /** members with a PAID disbursement */
    PAID_BENEFICIARY,
    /** members with an approved (or paid) disbursement of that kind, neither reversed nor failed in payment */
    BENEFICIARY_HARDSHIP_RELIEF,
    BENEFICIARY_LIVING_SUBSIDY,
    BENEFICIARY_STARTUP_SUPPORT,
    BENEFICIARY_HOLIDAY_VISIT,
    /** members with a MEDICAL_ASSISTANCE or EDUCATION_ASSISTANCE record */
    MEDICAL_OR_EDUCATION_ASSISTED,
    /** employers of job placements */
    EMPLOYER,
    /** members with a pairing */
    PAIRED_MEMBER,
    HELPER_CADRE,
    HELPER_BUSINESS_LEADER;

    static Measure beneficiary(String disbursementKind) {
        return valueOf("BENEFICIARY_" + disbursementKind);
    }
}
