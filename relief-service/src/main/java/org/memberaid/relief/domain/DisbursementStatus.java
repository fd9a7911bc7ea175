package org.memberaid.relief.domain;

public enum DisbursementStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    REVERSED,
    /** The bank paid it (a reconciliation line); its money stays charged to the fund. */
    PAID,
    /** The bank could not pay it; its money went back to the fund. */
    PAYMENT_FAILED
}
