package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One county's approved, unpaid disbursements paid through the bank together: a line per
 * disbursement, a bank file, and the bank's answer per line. Whoever created the batch may not
 * record that it was sent (maker-checker: two people stand behind every file that leaves).
 */
public class PaymentBatch {

    public UUID id;
    public String countyCode;
    public PaymentBatchStatus status;
    public int lines;
    public BigDecimal total;
    public int paid;
    public BigDecimal paidTotal;
    public int failed;
    public BigDecimal failedTotal;
    /** The SHA-256 the bank file's checksum row carries, from its first download on. */
    public String fileSha256;
    public String createdBy;
    public String exportedBy;
    public Instant exportedAt;
    public String sentBy;
    public Instant sentAt;
    public String cancelledBy;
    public String cancellationReason;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** A new batch {@code id} of {@code lines} lines paying {@code total}. */
    public static PaymentBatch draft(UUID id, String countyCode, int lines, BigDecimal total, String creator,
            Instant now) {
        PaymentBatch b = new PaymentBatch();
        b.id = id;
        b.countyCode = countyCode;
        b.status = PaymentBatchStatus.DRAFT;
        b.lines = lines;
        b.total = total.setScale(2);
        b.paid = 0;
        b.paidTotal = BigDecimal.ZERO.setScale(2);
        b.failed = 0;
        b.failedTotal = BigDecimal.ZERO.setScale(2);
        b.createdBy = creator;
        b.version = 1;
        b.createdAt = stored(now);
        b.updatedAt = b.createdAt;
        return b;
    }

    /**
     * The bank file was downloaded: a DRAFT becomes EXPORTED (true); a batch exported before stays
     * as it is (false). A cancelled batch has no file to give.
     */
    public boolean exported(String actor, String fileSha256, Instant now) {
        require(EnumSet.of(PaymentBatchStatus.DRAFT, PaymentBatchStatus.EXPORTED, PaymentBatchStatus.SENT,
                PaymentBatchStatus.RECONCILED), "exported");
        if (status != PaymentBatchStatus.DRAFT) {
            return false;
        }
        status = PaymentBatchStatus.EXPORTED;
        exportedBy = actor;
        exportedAt = stored(now);
        this.fileSha256 = fileSha256;
        updatedAt = exportedAt;
        return true;
    }

    /** The exported file went to the bank (true); a SENT batch stays as it is (false). */
    public boolean sent(String actor, Instant now) {
        if (status == PaymentBatchStatus.SENT) {
            return false;
        }
        require(EnumSet.of(PaymentBatchStatus.EXPORTED), "sent");
        if (actor.equals(createdBy)) {
            throw new RuleViolationException("maker-checker", "Whoever records the sending must not be the batch's "
                    + "creator (" + createdBy + ")");
        }
        status = PaymentBatchStatus.SENT;
        sentBy = actor;
        sentAt = stored(now);
        updatedAt = sentAt;
        return true;
    }

    public void cancel(String actor, String reason, Instant now) {
        require(EnumSet.of(PaymentBatchStatus.DRAFT, PaymentBatchStatus.EXPORTED), "cancelled");
        status = PaymentBatchStatus.CANCELLED;
        cancelledBy = actor;
        cancellationReason = reason;
        updatedAt = stored(now);
    }

    /** Refuses (409) a reconciliation of a batch that has not been sent. */
    public void requireReconcilable() {
        require(EnumSet.of(PaymentBatchStatus.SENT, PaymentBatchStatus.RECONCILED), "reconciled");
    }

    /** Counts the outcomes a reconciliation applied; RECONCILED once every line has one. */
    public void reconciled(int newlyPaid, BigDecimal newlyPaidTotal, int newlyFailed, BigDecimal newlyFailedTotal,
            Instant now) {
        requireReconcilable();
        paid += newlyPaid;
        paidTotal = paidTotal.add(newlyPaidTotal);
        failed += newlyFailed;
        failedTotal = failedTotal.add(newlyFailedTotal);
        if (paid + failed > lines) {
            throw new IllegalStateException("Batch " + id + " has " + lines + " lines and " + (paid + failed)
                    + " outcomes");
        }
        if (paid + failed == lines) {
            status = PaymentBatchStatus.RECONCILED;
        }
        updatedAt = stored(now);
    }

    private void require(Set<PaymentBatchStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new ConflictException("illegal-transition", "A " + status + " payment batch cannot be " + action
                    + "; only a " + allowed.stream().map(Enum::name).reduce((a, b) -> a + " or " + b).orElseThrow()
                    + " one can", Map.of("batchStatus", status.name()));
        }
    }

    /** The precision the database keeps, so an answer and a later read of it agree. */
    private static Instant stored(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }
}
