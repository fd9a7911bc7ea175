package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.memberaid.database.TimeOrderedUuids;

/**
 * Money for a member from a fund: REQUESTED, then APPROVED or REJECTED; an APPROVED one may be
 * REVERSED, or paid through a payment batch: PAID or PAYMENT_FAILED. Stored as one row of the disbursement table ({@code DisbursementStore}); {@code version}
 * counts its changes.
 */
public class Disbursement {

    public UUID id;
    public UUID memberId;
    public UUID fundId;
    public String countyCode;
    public DisbursementKind kind;
    public BigDecimal amount;
    public LocalDate disbursedOn;
    public int year;
    public StartupMechanism mechanism;
    public String projectName;
    public String reason;
    public String requestedBy;
    public DisbursementStatus status;
    public String decidedBy;
    public String decisionReason;
    public String reversedBy;
    public String reversalReason;
    public Long version;
    public Instant createdAt;
    public Instant updatedAt;
    /** The cycle whose approval made it, or null for a single request. */
    public UUID cycleId;
    /** The live payment batch paying it, or null. */
    public UUID paymentBatchId;
    /** The day the bank paid or refused it, and who recorded that, while a reconciliation applies (not stored on this row). */
    public LocalDate settledOn;
    public String settledBy;

    public static Disbursement request(DisbursementRequest request, String countyCode, Instant now) {
        Disbursement d = new Disbursement();
        d.id = TimeOrderedUuids.next();
        d.memberId = request.memberId();
        d.fundId = request.fundId();
        d.countyCode = countyCode;
        d.kind = request.kind();
        d.amount = request.amount().setScale(2);
        d.disbursedOn = request.disbursedOn();
        d.year = request.disbursedOn().getYear();
        d.mechanism = request.mechanism();
        d.projectName = request.projectName();
        d.reason = request.reason();
        d.requestedBy = request.requestedBy();
        d.status = DisbursementStatus.REQUESTED;
        d.version = 1L;
        d.createdAt = stored(now);
        d.updatedAt = d.createdAt;
        return d;
    }

    /**
     * An entitlement of {@code cycle}, approved with the cycle: requested by the cycle's creator,
     * decided by its approver, at the cycle's amount and date.
     */
    public static Disbursement entitlement(Cycle cycle, UUID memberId, String approver, Instant now) {
        Disbursement d = request(cycle.requestFor(memberId), cycle.countyCode, now);
        d.cycleId = cycle.id;
        d.status = DisbursementStatus.APPROVED;
        d.decidedBy = approver;
        return d;
    }

    /** Maker-checker: whoever requested the money may not approve, reject or reverse it. */
    public void approve(String approver, Instant now) {
        checkApprovableBy(approver);
        status = DisbursementStatus.APPROVED;
        decidedBy = approver;
        updatedAt = stored(now);
    }

    /** Refuses (409, 422) what {@link #approve} would refuse, changing nothing. */
    public void checkApprovableBy(String approver) {
        requireStatus(DisbursementStatus.REQUESTED, "approved");
        requireOtherThanRequester(approver, "approver");
    }

    public void reject(String rejecter, String why, Instant now) {
        requireStatus(DisbursementStatus.REQUESTED, "rejected");
        requireOtherThanRequester(rejecter, "rejecter");
        status = DisbursementStatus.REJECTED;
        decidedBy = rejecter;
        decisionReason = why;
        updatedAt = stored(now);
    }

    /** Who made this disbursement what it is now: its requester, decider or reverser. */
    public String lastActor() {
        return switch (status) {
            case REQUESTED -> requestedBy;
            case REVERSED -> reversedBy;
            case PAID, PAYMENT_FAILED -> settledBy != null ? settledBy : decidedBy;
            default -> decidedBy;
        };
    }

    public void reverse(String reverser, String why, Instant now) {
        requireStatus(DisbursementStatus.APPROVED, "reversed");
        if (paymentBatchId != null) {
            throw new ConflictException("in-payment-batch", "The disbursement is being paid in payment batch "
                    + paymentBatchId + "; cancel the batch before reversing it, or await its reconciliation",
                    java.util.Map.of("paymentBatchId", paymentBatchId.toString()));
        }
        requireOtherThanRequester(reverser, "reverser");
        status = DisbursementStatus.REVERSED;
        reversedBy = reverser;
        reversalReason = why;
        updatedAt = stored(now);
    }

    /**
     * The bank's answer for this APPROVED disbursement of a payment batch, settled on {@code on}:
     * PAID, or PAYMENT_FAILED (whose money the caller returns to the fund), as {@code recorder} recorded it.
     */
    public void settled(boolean paid, LocalDate on, String recorder, Instant now) {
        requireStatus(DisbursementStatus.APPROVED, paid ? "paid" : "marked failed");
        status = paid ? DisbursementStatus.PAID : DisbursementStatus.PAYMENT_FAILED;
        settledOn = on;
        settledBy = recorder;
        updatedAt = stored(now);
    }

    /**
     * The year this disbursement takes the member's one living subsidy of, while it does: a
     * LIVING_SUBSIDY that is REQUESTED, APPROVED or PAID; {@code null} for any other (the database's
     * unique index on it refuses a second live one for the same member and year).
     */
    public Integer livingSubsidyYear() {
        boolean live = status == DisbursementStatus.REQUESTED || status == DisbursementStatus.APPROVED
                || status == DisbursementStatus.PAID;
        return kind == DisbursementKind.LIVING_SUBSIDY && live ? year : null;
    }

    /** The precision the database keeps, so an answer and a later read of it agree. */
    private static Instant stored(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    private void requireOtherThanRequester(String actor, String role) {
        if (actor.equals(requestedBy)) {
            throw new RuleViolationException("maker-checker", "The " + role + " must not be the requester ("
                    + requestedBy + ")");
        }
    }

    private void requireStatus(DisbursementStatus required, String action) {
        if (status != required) {
            throw new ConflictException("illegal-transition", "A " + status + " disbursement cannot be " + action
                    + "; only a " + required + " one can", java.util.Map.of("disbursementStatus", status.name()));
        }
    }
}
