package org.memberaid.reporting.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.memberaid.reporting.domain.DisbursementState;
import org.memberaid.reporting.domain.Ledger;

/**
 * A disbursement as it is after a transition (requested, approved, rejected, reversed, paid, payment
 * failed); {@code status} is the state it is now in, {@code sequence} its version. The payment's batch
 * and settlement day are not read: paid money counts where the approved money does, in the month the
 * disbursement was disbursed in.
 */
public record DisbursementChanged(EventType type, UUID disbursementId, UUID memberId, String countyCode,
        LocalDate disbursedOn, String kind, BigDecimal amount, String status, long sequence) implements ReportingEvent {

    /** The disbursement's state at this version; its money counts in the month it was disbursed in. */
    public DisbursementState state() {
        return new DisbursementState(disbursementId, memberId, countyCode, Ledger.monthOf(disbursedOn), kind, amount,
                status, sequence);
    }
}
