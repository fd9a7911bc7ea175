package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.access.RegionScope;
import org.memberaid.database.TimeOrderedUuids;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.BankFile;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.FundLedger;
import org.memberaid.relief.domain.PaymentBatch;
import org.memberaid.relief.domain.PaymentBatchStatus;
import org.memberaid.relief.domain.Reconciliation;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Payment batches: created from a county's approved, unpaid disbursements with payee details
 * (under an Idempotency-Key), exported as the bank file, sent, cancelled, and reconciled with the
 * bank's answer. Each is one plain JDBC transaction that locks the batch, so changes of one batch
 * queue up; a reconciliation applies whole or not at all. A failed payment's money goes back to its
 * fund through the fund's {@link FundLedger}, in the same transaction. A batch outside the caller's
 * region is not found.
 */
@ApplicationScoped
public class PaymentBatches {

    public record Page(List<PaymentBatch> items, long total) {
    }

    /** A line of a batch as listed: the payment instruction, and the bank's answer once reconciled. */
    public record Line(BankFile.Line instruction, Reconciliation.Outcome outcome, String bankReference,
            java.time.LocalDate settledOn, String failureReason) {
    }

    public record LinePage(List<Line> items, long total) {
    }

    /** A new batch, with the county's approved money it could not take for want of payee details. */
    public record Created(PaymentBatch batch, int withoutPayee, BigDecimal withoutPayeeTotal) {
    }

    /** What a reconciliation file did: the outcomes it recorded, and the rows that repeated earlier ones. */
    public record Reconciled(PaymentBatch batch, int paid, int failed, int unchanged) {
    }

    /** The bank file of a batch, and the batch as it is after the download. */
    public record File(PaymentBatch batch, byte[] bytes) {
    }

    /** A reconciliation file with rows that break the rules: 422, nothing applied. */
    public static class ReconciliationRefused extends RuntimeException {

        private final transient List<Reconciliation.BadLine> lines;

        public ReconciliationRefused(List<Reconciliation.BadLine> lines) {
            super(lines.size() + " row(s) of the reconciliation file break its rules; nothing was applied", null,
                    false, false);
            this.lines = List.copyOf(lines);
        }

        public List<Reconciliation.BadLine> lines() {
            return lines;
        }
    }

    /** Disbursements a reconciliation reads, changes and announces at a time. */
    static final int CHUNK = 2_000;

    @Inject
    JdbcTransactions transactions;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    @Inject
    BusinessCalendar calendar;

    /**
     * Gathers every APPROVED disbursement of the county that no live batch holds and whose member
     * has payee details into a DRAFT batch; 422 nothing-to-pay when there is none.
     */
    public IdempotencyKeys.Outcome create(String idempotencyKey, String requestHash, String countyCode, String creator,
            RegionScope scope, Function<Created, IdempotencyKeys.Answer> render) {
        if (!scope.covers(countyCode)) {
            throw new RuleViolationException("county-outside-region", "County " + countyCode
                    + " lies outside the caller's region");
        }
        return keys.run(IdempotencyKeys.scoped("payment-batch", creator, idempotencyKey), requestHash,
                (connection, writes) -> {
                    UUID id = TimeOrderedUuids.next();
                    Instant now = clock.instant();
                    PaymentBatchStore.Taken taken = PaymentBatchStore.take(connection, id, countyCode, now);
                    PaymentBatchStore.Unpayable unpayable = PaymentBatchStore.unbatched(connection, countyCode);
                    if (taken.lines() == 0) {
                        throw new RuleViolationException("nothing-to-pay", "County " + countyCode + " has no approved, "
                                + "unpaid disbursement with payee details; " + unpayable.count()
                                + " approved ones (" + unpayable.total().toPlainString() + " yuan) lack payee details");
                    }
                    PaymentBatch batch = PaymentBatch.draft(id, countyCode, taken.lines(), taken.total(), creator,
                            now);
                    PaymentBatchStore.insert(writes, batch);
                    events.paymentBatch(writes, ReliefEvents.PAYMENT_BATCH_CREATED, batch, creator);
                    return render.apply(new Created(batch, unpayable.count(), unpayable.total()));
                });
    }

    /**
     * The batch's bank file; the first download makes a DRAFT batch EXPORTED and records the file's
     * hash, every later one answers the same bytes.
     */
    public File file(UUID id, String actor, RegionScope scope) {
        return transactions.run(connection -> {
            PaymentBatch batch = PaymentBatchStore.lock(connection, id, scope);
            BankFile.Written file = BankFile.write(PaymentBatchStore.instructions(connection, id));
            if (batch.exported(actor, file.sha256(), clock.instant())) {
                StatementPipeline writes = new StatementPipeline();
                PaymentBatchStore.save(writes, batch);
                events.paymentBatch(writes, ReliefEvents.PAYMENT_BATCH_EXPORTED, batch, actor);
                writes.execute(connection);
            } else if (!file.sha256().equals(batch.fileSha256)) {
                throw new IllegalStateException("Batch " + id + " exported a file with hash " + batch.fileSha256
                        + ", its lines now give " + file.sha256());
            }
            return new File(batch, file.bytes());
        });
    }

    public PaymentBatch send(UUID id, String actor, RegionScope scope) {
        return transactions.run(connection -> {
            PaymentBatch batch = PaymentBatchStore.lock(connection, id, scope);
            if (batch.sent(actor, clock.instant())) {
                StatementPipeline writes = new StatementPipeline();
                PaymentBatchStore.save(writes, batch);
                events.paymentBatch(writes, ReliefEvents.PAYMENT_BATCH_SENT, batch, actor);
                writes.execute(connection);
            }
            return batch;
        });
    }

    /** Cancels a DRAFT or EXPORTED batch; its disbursements may be batched again. */
    public PaymentBatch cancel(UUID id, String actor, String reason, RegionScope scope) {
        return transactions.run(connection -> {
            PaymentBatch batch = PaymentBatchStore.lock(connection, id, scope);
            batch.cancel(actor, reason, clock.instant());
            StatementPipeline writes = new StatementPipeline();
            PaymentBatchStore.save(writes, batch);
            PaymentBatchStore.release(writes, batch);
            events.paymentBatch(writes, ReliefEvents.PAYMENT_BATCH_CANCELLED, batch, actor);
            writes.execute(connection);
            return batch;
        });
    }

    /**
     * Applies the bank's answer to a SENT batch: every row checked first (422 with each bad row,
     * nothing applied), then, in one transaction, PAID and PAYMENT_FAILED disbursements with their
     * events, the failed money back to the funds, the lines' outcomes and the batch's counts.
     */
    public Reconciled reconcile(UUID id, String actor, byte[] csv, RegionScope scope) {
        Reconciliation.Parsed parsed = Reconciliation.parse(csv);
        return transactions.run(connection -> {
            PaymentBatch batch = PaymentBatchStore.lock(connection, id, scope);
            batch.requireReconcilable();
            List<UUID> references = parsed.rows().stream().map(row -> Reconciliation.reference(row.reference()))
                    .filter(Objects::nonNull).toList();
            Reconciliation.Checked checked = Reconciliation.check(id, parsed.rows(),
                    PaymentBatchStore.known(connection, references), calendar.today());
            if (!parsed.bad().isEmpty() || checked.refused()) {
                List<Reconciliation.BadLine> bad = new ArrayList<>(parsed.bad());
                bad.addAll(checked.bad());
                bad.sort((a, b) -> Long.compare(a.line(), b.line()));
                throw new ReconciliationRefused(bad);
            }
            if (checked.settled().isEmpty()) {
                return new Reconciled(batch, 0, 0, checked.unchanged());
            }
            return apply(connection, batch, checked, actor);
        });
    }

    /**
     * Applies the checked rows in chunks of {@value #CHUNK} disbursements (in id order), each chunk's
     * rows, outcomes and events written before the next is read, so a batch of any size is held in
     * memory a chunk at a time; all of it in the caller's one transaction.
     */
    private Reconciled apply(Connection connection, PaymentBatch batch, Reconciliation.Checked checked,
            String actor) throws SQLException {
        Instant now = clock.instant();
        List<Reconciliation.Settled> settled = new ArrayList<>(checked.settled());
        settled.sort(Comparator.comparing(s -> s.line().disbursementId()));
        Map<UUID, BigDecimal> refunds = new HashMap<>();
        int paid = 0;
        int failed = 0;
        BigDecimal paidTotal = BigDecimal.ZERO.setScale(2);
        BigDecimal failedTotal = BigDecimal.ZERO.setScale(2);
        for (int from = 0; from < settled.size(); from += CHUNK) {
            List<Reconciliation.Settled> chunk = settled.subList(from, Math.min(settled.size(), from + CHUNK));
            Map<UUID, Disbursement> locked = DisbursementStore.lockAll(connection,
                    chunk.stream().map(s -> s.line().disbursementId()).toList());
            List<Disbursement> paidNow = new ArrayList<>();
            List<Disbursement> failedNow = new ArrayList<>();
            for (Reconciliation.Settled one : chunk) {
                Disbursement d = locked.get(one.line().disbursementId());
                if (d == null || d.status != DisbursementStatus.APPROVED || !batch.id.equals(d.paymentBatchId)) {
                    throw new IllegalStateException("Line " + one.line().line() + " of batch " + batch.id
                            + " pays a disbursement that is not an APPROVED one of the batch");
                }
                boolean paidOut = one.row().outcome() == Reconciliation.Outcome.PAID;
                d.settled(paidOut, one.row().date(), actor, now);
                (paidOut ? paidNow : failedNow).add(d);
                if (!paidOut) {
                    refunds.merge(d.fundId, d.amount, BigDecimal::add);
                }
            }
            StatementPipeline writes = new StatementPipeline();
            List<Disbursement> decided = new ArrayList<>(paidNow);
            decided.addAll(failedNow);
            DisbursementStore.saveDecisions(connection, writes, decided);
            PaymentBatchStore.settle(connection, writes, batch.id, chunk, now);
            writes.execute(connection);
            events.disbursements(connection, ReliefEvents.DISBURSEMENT_PAID, paidNow);
            events.disbursements(connection, ReliefEvents.DISBURSEMENT_PAYMENT_FAILED, failedNow);
            paid += paidNow.size();
            failed += failedNow.size();
            paidTotal = paidTotal.add(sum(paidNow));
            failedTotal = failedTotal.add(sum(failedNow));
        }
        batch.reconciled(paid, paidTotal, failed, failedTotal, now);
        StatementPipeline writes = new StatementPipeline();
        PaymentBatchStore.save(writes, batch);
        events.paymentBatch(writes, ReliefEvents.PAYMENT_BATCH_RECONCILED, batch, actor);
        FundLedger ledger = new FundLedger(EligibilityFacts.lockFunds(connection, refunds.keySet()).values().stream()
                .map(EligibilityFacts.LockedFund::fund).toList());
        refunds.forEach(ledger::refund);
        int moved = FundRows.move(writes, ledger);
        FundRows.requireMoved(writes.execute(connection), moved);
        return new Reconciled(batch, paid, failed, checked.unchanged());
    }

    private static BigDecimal sum(List<Disbursement> disbursements) {
        return disbursements.stream().map(d -> d.amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    public PaymentBatch get(UUID id, RegionScope scope) {
        return transactions.run(connection -> PaymentBatchStore.find(connection, id, scope));
    }

    public Page list(RegionScope scope, String countyCode, PaymentBatchStatus status, int page, int size) {
        return transactions.run(connection -> PaymentBatchStore.page(connection, scope, countyCode, status, page,
                size));
    }

    /** A page of the batch's lines; {@code outcome} PAID, FAILED, "none" (not yet reconciled) or null (all). */
    public LinePage lines(UUID id, String outcome, RegionScope scope, int page, int size) {
        return transactions.run(connection -> {
            PaymentBatchStore.find(connection, id, scope);
            return PaymentBatchStore.lines(connection, id, outcome, page, size);
        });
    }

    /** The county's APPROVED disbursements no batch holds because their members have no payee details. */
    public Disbursements.Page missingPayees(String countyCode, RegionScope scope, int page, int size) {
        if (!scope.covers(countyCode)) {
            return new Disbursements.Page(List.of(), 0);
        }
        return transactions.run(connection -> DisbursementStore.withoutPayee(connection, countyCode, page, size));
    }
}
