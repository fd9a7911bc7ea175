package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Reporting's copy of a disbursement at a version. An APPROVED or PAID one is money approved (paying
 * it keeps it charged to the fund); a PAYMENT_FAILED one, like a REVERSED one, went back to the fund.
 */
public record DisbursementState(UUID id, UUID memberId, String countyCode, LocalDate month, String kind,
        BigDecimal amount, String status, long version) {

    public static final String APPROVED = "APPROVED";
    public static final String PAID = "PAID";
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";

    /** Counts as money approved: approved and not taken back (not reversed, its payment not failed). */
    public boolean approved() {
        return APPROVED.equals(status) || PAID.equals(status);
    }

    public boolean paid() {
        return PAID.equals(status);
    }

    public boolean paymentFailed() {
        return PAYMENT_FAILED.equals(status);
    }

    /** The same money: member, county, month, kind and amount (a transition changes only the status). */
    boolean sameMoneyAs(DisbursementState other) {
        return memberId.equals(other.memberId) && countyCode.equals(other.countyCode) && month.equals(other.month)
                && kind.equals(other.kind) && amount.compareTo(other.amount) == 0;
    }
}
