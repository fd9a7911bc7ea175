package org.memberaid.reporting.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The additive figures kept per county and month. The three {@code MEMBERS_*} figures are the
 * month's change of the stock (summed up to a month's end they give its month-end stock); the
 * others are what happened in the month.
 */
public enum Figure {
    MEMBERS_TOTAL,
    MEMBERS_IN_DIFFICULTY,
    MEMBERS_LIFTED_OUT,
    NEWLY_IN_DIFFICULTY,
    NEWLY_LIFTED_OUT,
    APPROVED_HARDSHIP_RELIEF,
    APPROVED_LIVING_SUBSIDY,
    APPROVED_STARTUP_SUPPORT,
    APPROVED_HOLIDAY_VISIT,
    DISBURSEMENTS_HARDSHIP_RELIEF,
    DISBURSEMENTS_LIVING_SUBSIDY,
    DISBURSEMENTS_STARTUP_SUPPORT,
    DISBURSEMENTS_HOLIDAY_VISIT,
    /** money of PAID disbursements (also counted in APPROVED_*) */
    PAID,
    /** money of disbursements whose payment failed (counted in no APPROVED_*: it went back to the fund) */
    PAYMENT_FAILED,
    SKILLS_TRAINING,
    JOB_PLACEMENT,
    MINIMUM_LIVING_ALLOWANCE,
    MEDICAL_ASSISTANCE,
    EDUCATION_ASSISTANCE,
    PROJECT_RECOMMENDATION,
    PAIRING;

    /** The figures that are changes of the stock: summed up to a date, they give the stock on it. */
    public static final Set<Figure> STOCK = EnumSet.of(MEMBERS_TOTAL, MEMBERS_IN_DIFFICULTY,
            MEMBERS_LIFTED_OUT);

    public boolean isStock() {
        return STOCK.contains(this);
    }

    static Figure approved(String disbursementKind) {
        return valueOf("APPROVED_" + disbursementKind);
    }

    static Figure disbursements(String disbursementKind) {
        return valueOf("DISBURSEMENTS_" + disbursementKind);
    }
}
