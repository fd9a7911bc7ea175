package org.memberaid.relief.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.events.outbox.Outbox;
import org.memberaid.relief.domain.AssistanceRecord;
import org.memberaid.relief.domain.Cycle;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.PaymentBatch;

/**
 * The events relief-service publishes on {@value #TOPIC}. Each joins the writes of the plain JDBC
 * change it describes. Fund events are keyed by fund id, with the fund's version (the one written)
 * as {@code sequence}.
 */
@ApplicationScoped
public class ReliefEvents {

    public static final String TOPIC = "relief.events";
    public static final String FUND_ALLOCATED = "memberaid.fund.allocated.v1";
    public static final String FUND_BUDGET_CHANGED = "memberaid.fund.budget-changed.v1";
    public static final String DISBURSEMENT_REQUESTED = "memberaid.disbursement.requested.v1";
    public static final String DISBURSEMENT_APPROVED = "memberaid.disbursement.approved.v1";
    public static final String DISBURSEMENT_REJECTED = "memberaid.disbursement.rejected.v1";
    public static final String DISBURSEMENT_REVERSED = "memberaid.disbursement.reversed.v1";
    public static final String DISBURSEMENT_PAID = "memberaid.disbursement.paid.v1";
    public static final String DISBURSEMENT_PAYMENT_FAILED = "memberaid.disbursement.payment-failed.v1";
    public static final String ASSISTANCE_RECORDED = "memberaid.assistance.recorded.v1";
    public static final String CYCLE_CREATED = "memberaid.cycle.created.v1";
    public static final String CYCLE_EVALUATED = "memberaid.cycle.evaluated.v1";
    public static final String CYCLE_ENTITLEMENT_REMOVED = "memberaid.cycle.entitlement-removed.v1";
    public static final String CYCLE_APPROVED = "memberaid.cycle.approved.v1";
    public static final String CYCLE_REJECTED = "memberaid.cycle.rejected.v1";
    public static final String CYCLE_CANCELLED = "memberaid.cycle.cancelled.v1";
    public static final String PAYMENT_BATCH_CREATED = "memberaid.payment-batch.created.v1";
    public static final String PAYMENT_BATCH_EXPORTED = "memberaid.payment-batch.exported.v1";
    public static final String PAYMENT_BATCH_SENT = "memberaid.payment-batch.sent.v1";
    public static final String PAYMENT_BATCH_RECONCILED = "memberaid.payment-batch.reconciled.v1";
    public static final String PAYMENT_BATCH_CANCELLED = "memberaid.payment-batch.cancelled.v1";

    /** The {@code data} of fund events: what reporting needs to sum budgets per county and year. */
    public record FundSnapshot(UUID id, String countyCode, int year, String kind, BigDecimal budget,
            BigDecimal approved, BigDecimal previousBudget, long version) {

        static FundSnapshot of(Fund fund, BigDecimal previousBudget) {
            return new FundSnapshot(fund.id, fund.countyCode, fund.year, fund.kind.name(), fund.budget, fund.approved,
                    previousBudget, fund.version);
        }
    }

    /**
     * The {@code data} of disbursement events: what reporting needs to sum money per county, kind and
     * month. {@code paymentBatchId} names the batch paying it (null until batched); {@code settledOn}
     * the day the bank paid or refused it (only on the paid and payment-failed events).
     */
    public record DisbursementSnapshot(UUID id, UUID memberId, UUID fundId, String countyCode, int year, String kind,
            BigDecimal amount, LocalDate disbursedOn, String mechanism, String status, long version,
            UUID paymentBatchId, LocalDate settledOn) {

        static DisbursementSnapshot of(Disbursement d) {
            return new DisbursementSnapshot(d.id, d.memberId, d.fundId, d.countyCode, d.year, d.kind.name(), d.amount,
                    d.disbursedOn, d.mechanism == null ? null : d.mechanism.name(), d.status.name(), d.version,
                    d.paymentBatchId, d.settledOn);
        }
    }

    /** The {@code data} of assistance events: what reporting counts (person-times, employers, helpers). */
    public record AssistanceSnapshot(UUID id, UUID memberId, String countyCode, String kind, LocalDate providedOn,
            int skillCount, String employer, String projectName, String helperId, String helperType) {

        static AssistanceSnapshot of(AssistanceRecord r) {
            return new AssistanceSnapshot(r.id, r.memberId, r.countyCode, r.kind.name(), r.providedOn,
                    r.skills == null ? 0 : r.skills.split(";").length, r.employer, r.projectName, r.helperId,
                    r.helperType == null ? null : r.helperType.name());
        }
    }

    /**
     * The {@code data} of cycle events: the cycle as it is after the change. Its money reaches
     * reporting as the disbursement events of its entitlements, not through these.
     */
    public record CycleSnapshot(UUID id, String countyCode, int year, String kind, UUID fundId, String name,
            BigDecimal amount, LocalDate disbursedOn, String status, int entitled, BigDecimal total, long version) {

        static CycleSnapshot of(Cycle c) {
            return new CycleSnapshot(c.id, c.countyCode, c.year, c.kind.name(), c.fundId, c.name, c.amount,
                    c.disbursedOn, c.status.name(), c.entitled, c.total, c.version);
        }
    }

    /** The {@code data} of payment batch events: the batch after the change. */
    public record PaymentBatchSnapshot(UUID id, String countyCode, String status, int lines, BigDecimal total,
            int paid, BigDecimal paidTotal, int failed, BigDecimal failedTotal, String fileSha256, long version) {

        static PaymentBatchSnapshot of(PaymentBatch b) {
            return new PaymentBatchSnapshot(b.id, b.countyCode, b.status.name(), b.lines, b.total, b.paid, b.paidTotal,
                    b.failed, b.failedTotal, b.fileSha256, b.version);
        }
    }

    @Inject
    Outbox outbox;

    /** Events name their actor (the CloudEvents extension {@code actor}): the subject who made the change. */
    public void fundAllocated(StatementPipeline writes, Fund fund, String actor) {
        outbox.appendTo(writes, List.of(new Outbox.Event(TOPIC, fund.id.toString(), FUND_ALLOCATED, fund.version,
                FundSnapshot.of(fund, null), actor)));
    }

    /**
     * Disbursement events are keyed by member id (per-member order); sequence is the disbursement's
     * version. Added to the writes of the change it describes.
     */
    public void disbursement(StatementPipeline writes, String type, Disbursement d) {
        outbox.appendTo(writes, List.of(new Outbox.Event(TOPIC, d.memberId.toString(), type, d.version,
                DisbursementSnapshot.of(d), d.lastActor())));
    }

    /**
     * As {@link #disbursement}, for many disbursements at once (a cycle's entitlements): written
     * now, on the transaction's connection, as one JDBC batch.
     */
    public void disbursements(Connection connection, String type, List<Disbursement> all) throws SQLException {
        outbox.appendAll(connection, all.stream().map(d -> new Outbox.Event(TOPIC, d.memberId.toString(), type,
                d.version, DisbursementSnapshot.of(d), d.lastActor())).toList());
    }

    /** Assistance records never change: key = member id, sequence 1. */
    public void assistanceRecorded(StatementPipeline writes, AssistanceRecord record) {
        outbox.appendTo(writes, List.of(new Outbox.Event(TOPIC, record.memberId.toString(), ASSISTANCE_RECORDED,
                1, AssistanceSnapshot.of(record), record.recordedBy)));
    }

    public void fundBudgetChanged(StatementPipeline writes, Fund fund, BigDecimal previousBudget, String actor) {
        outbox.appendTo(writes, List.of(new Outbox.Event(TOPIC, fund.id.toString(), FUND_BUDGET_CHANGED, fund.version,
                FundSnapshot.of(fund, previousBudget), actor)));
    }

    /** Cycle events are keyed by cycle id; sequence is the cycle's version. */
    public void cycle(StatementPipeline writes, String type, Cycle cycle, String actor) {
        outbox.appendTo(writes, List.of(new Outbox.Event(TOPIC, cycle.id.toString(), type, cycle.version,
                CycleSnapshot.of(cycle), actor)));
    }

    /** Payment batch events are keyed by batch id; sequence is the batch's version. */
    public void paymentBatch(StatementPipeline writes, String type, PaymentBatch batch, String actor) {
        outbox.appendTo(writes, List.of(new Outbox.Event(TOPIC, batch.id.toString(), type, batch.version,
                PaymentBatchSnapshot.of(batch), actor)));
    }
}
