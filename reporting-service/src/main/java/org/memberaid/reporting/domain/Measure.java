package org.memberaid.reporting.domain;

/** Values counted distinctly per county and period: a member or an employer counts once however often it appears. */
public enum Measure {
    /** members with an approved (or paid) disbursement, neither reversed nor failed in payment */
    BENEFICIARY,
    /** members with a PAID disbursement */
    PAID_BENEFICIARY,
    /** employers of job placements */
    EMPLOYER,
    /** members with a pairing */
    PAIRED_MEMBER,
    HELPER_CADRE,
    HELPER_BUSINESS_LEADER
}
