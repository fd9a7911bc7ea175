package org.memberaid.reporting.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type reporting reads, by its CloudEvents {@code type}, and the shape of data it
 * carries. Any other type is a {@link ContractViolation}: reporting's copy of the contract lists
 * what it can apply, not everything the producers may one day send.
 */
public enum EventType {

    MEMBER_REGISTERED("memberaid.member.registered.v1", Shape.MEMBER),
    MEMBER_UPDATED("memberaid.member.updated.v1", Shape.MEMBER),
    MEMBER_HARDSHIP_ASSESSED("memberaid.member.hardship-assessed.v1", Shape.MEMBER),
    MEMBER_TRANSFERRED("memberaid.member.transferred.v1", Shape.MEMBER),
    MEMBER_DEREGISTERED("memberaid.member.deregistered.v1", Shape.MEMBER),
    FUND_ALLOCATED("memberaid.fund.allocated.v1", Shape.FUND),
    FUND_BUDGET_CHANGED("memberaid.fund.budget-changed.v1", Shape.FUND),
    DISBURSEMENT_REQUESTED("memberaid.disbursement.requested.v1", Shape.DISBURSEMENT),
    DISBURSEMENT_APPROVED("memberaid.disbursement.approved.v1", Shape.DISBURSEMENT),
    DISBURSEMENT_REJECTED("memberaid.disbursement.rejected.v1", Shape.DISBURSEMENT),
    DISBURSEMENT_REVERSED("memberaid.disbursement.reversed.v1", Shape.DISBURSEMENT),
    DISBURSEMENT_PAID("memberaid.disbursement.paid.v1", Shape.DISBURSEMENT),
    DISBURSEMENT_PAYMENT_FAILED("memberaid.disbursement.payment-failed.v1", Shape.DISBURSEMENT),
    ASSISTANCE_RECORDED("memberaid.assistance.recorded.v1", Shape.ASSISTANCE),
    CYCLE_CREATED("memberaid.cycle.created.v1", Shape.CYCLE),
    CYCLE_EVALUATED("memberaid.cycle.evaluated.v1", Shape.CYCLE),
    CYCLE_ENTITLEMENT_REMOVED("memberaid.cycle.entitlement-removed.v1", Shape.CYCLE),
    CYCLE_APPROVED("memberaid.cycle.approved.v1", Shape.CYCLE),
    CYCLE_REJECTED("memberaid.cycle.rejected.v1", Shape.CYCLE),
    CYCLE_CANCELLED("memberaid.cycle.cancelled.v1", Shape.CYCLE),
    PAYMENT_BATCH_CREATED("memberaid.payment-batch.created.v1", Shape.PAYMENT_BATCH),
    PAYMENT_BATCH_EXPORTED("memberaid.payment-batch.exported.v1", Shape.PAYMENT_BATCH),
    PAYMENT_BATCH_SENT("memberaid.payment-batch.sent.v1", Shape.PAYMENT_BATCH),
    PAYMENT_BATCH_RECONCILED("memberaid.payment-batch.reconciled.v1", Shape.PAYMENT_BATCH),
    PAYMENT_BATCH_CANCELLED("memberaid.payment-batch.cancelled.v1", Shape.PAYMENT_BATCH);

    /**
     * The data a type carries: every member event the member as it is after the change, every fund
     * and disbursement event the fund or disbursement likewise, so events of one shape apply alike.
     * A cycle's and a payment batch's events change no figure: the money of an approved cycle reaches
     * the reports as the disbursement events of its entitlements, a batch's payments as the paid and
     * payment-failed events of its disbursements.
     */
    public enum Shape {
        MEMBER, FUND, DISBURSEMENT, ASSISTANCE, CYCLE, PAYMENT_BATCH
    }

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private final String cloudEventType;
    private final Shape shape;

    EventType(String cloudEventType, Shape shape) {
        this.cloudEventType = cloudEventType;
        this.shape = shape;
    }

    /** The type as the envelope's {@code type} attribute names it. */
    public String cloudEventType() {
        return cloudEventType;
    }

    public Shape shape() {
        return shape;
    }

    static Optional<EventType> named(String cloudEventType) {
        return Optional.ofNullable(BY_NAME.get(cloudEventType));
    }
}
