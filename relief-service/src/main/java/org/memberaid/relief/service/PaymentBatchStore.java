package org.memberaid.relief.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberaid.access.RegionScope;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.BankFile;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.PaymentBatch;
import org.memberaid.relief.domain.PaymentBatchStatus;
import org.memberaid.relief.domain.Reconciliation;

/**
 * The payment_batch and payment_line tables, and the disbursement columns a batch changes. Every
 * method works in the transaction open on the connection it is given; small writes go into the
 * caller's {@link StatementPipeline}, a batch's thousands of lines as JDBC batches or array updates.
 */
final class PaymentBatchStore {

    private static final String COLUMNS = Columns.aliased("b", "", List.of("id", "county_code", "status", "lines",
            "total", "paid", "paid_total", "failed", "failed_total", "file_sha256", "created_by", "exported_by",
            "exported_at", "sent_by", "sent_at", "cancelled_by", "cancellation_reason", "version", "created_at",
            "updated_at"));

    /** Approved money of a county no batch can pay for want of payee details. */
    record Unpayable(int count, BigDecimal total) {
    }

    private PaymentBatchStore() {
    }

    /** What a batch took: how many lines, paying how much. */
    record Taken(int lines, BigDecimal total) {
    }

    /**
     * Takes every APPROVED disbursement of the county that no live batch holds and whose member has
     * payee details into batch {@code batchId} (each a new version) and writes them as the batch's
     * lines, numbered in disbursement id order, with the payee details as they are now: one
     * statement, nothing read back but the count and the total. Creations for one county queue up
     * behind a lock of the county's, so none takes what another took.
     */
    static Taken take(Connection connection, UUID batchId, String countyCode, Instant now) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "payment-batch:" + countyCode);
            lock.execute();
        }
        try (PreparedStatement take = connection.prepareStatement("""
                WITH taken AS (
                    UPDATE disbursement d SET payment_batch_id = ?, version = d.version + 1, updated_at = ?
                    FROM member_payee p
                    WHERE p.member_id = d.member_id AND p.bank_account IS NOT NULL
                      AND d.county_code = ? AND d.status = 'APPROVED' AND d.payment_batch_id IS NULL
                    RETURNING d.id, d.amount, d.kind, d.year, p.bank_account, p.account_holder),
                lines AS (
                    INSERT INTO payment_line (batch_id, line, disbursement_id, payee_name, bank_account, amount,
                        purpose)
                    SELECT ?, row_number() OVER (ORDER BY id), id, account_holder, bank_account, amount,
                           kind || ' ' || year
                    FROM taken
                    RETURNING amount)
                SELECT count(*), coalesce(sum(amount), 0) FROM lines""")) {
            take.setObject(1, batchId);
            take.setTimestamp(2, Timestamp.from(now));
            take.setString(3, countyCode);
            take.setObject(4, batchId);
            try (ResultSet row = take.executeQuery()) {
                row.next();
                return new Taken(row.getInt(1), row.getBigDecimal(2).setScale(2));
            }
        }
    }

    /** How many APPROVED disbursements of the county no batch holds (after {@link #take}: those without payee details). */
    static Unpayable unbatched(Connection connection, String countyCode) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT count(*), coalesce(sum(amount), 0) FROM disbursement
                WHERE county_code = ? AND status = 'APPROVED' AND payment_batch_id IS NULL""")) {
            query.setString(1, countyCode);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Unpayable(row.getInt(1), row.getBigDecimal(2).setScale(2));
            }
        }
    }

    /** Adds a new batch's row to {@code writes} (its lines, written by {@link #take}, refer to it). */
    static void insert(StatementPipeline writes, PaymentBatch b) {
        writes.add("""
                INSERT INTO payment_batch (id, county_code, status, lines, total, created_by, version, created_at,
                    updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", b.id, b.countyCode, b.status.name(), b.lines, b.total,
                b.createdBy, b.version, Timestamp.from(b.createdAt), Timestamp.from(b.updatedAt));
    }

    /** Writes a changed batch as its next version (which it takes). */
    static void save(StatementPipeline writes, PaymentBatch b) {
        b.version = b.version + 1;
        writes.add("""
                UPDATE payment_batch SET status = ?, paid = ?, paid_total = ?, failed = ?, failed_total = ?,
                    file_sha256 = ?, exported_by = ?, exported_at = ?, sent_by = ?, sent_at = ?, cancelled_by = ?,
                    cancellation_reason = ?, version = ?, updated_at = ?
                WHERE id = ?""", b.status.name(), b.paid, b.paidTotal, b.failed, b.failedTotal, b.fileSha256,
                b.exportedBy, timestamp(b.exportedAt), b.sentBy, timestamp(b.sentAt), b.cancelledBy,
                b.cancellationReason, b.version, Timestamp.from(b.updatedAt), b.id);
    }

    /** Frees the disbursements of a cancelled batch (each a new version): a later batch may take them. */
    static void release(StatementPipeline writes, PaymentBatch b) {
        writes.add("""
                UPDATE disbursement SET payment_batch_id = NULL, version = version + 1, updated_at = ?
                WHERE id IN (SELECT disbursement_id FROM payment_line WHERE batch_id = ?) AND payment_batch_id = ?""",
                Timestamp.from(b.updatedAt), b.id, b.id);
    }

    /** Records the bank's answers on the batch's lines, with one statement. */
    static void settle(Connection connection, StatementPipeline writes, UUID batchId,
            List<Reconciliation.Settled> settled, Instant now) throws SQLException {
        int size = settled.size();
        Object[] lines = new Object[size];
        Object[] outcomes = new Object[size];
        Object[] bankReferences = new Object[size];
        Object[] dates = new Object[size];
        Object[] reasons = new Object[size];
        for (int i = 0; i < size; i++) {
            Reconciliation.Settled s = settled.get(i);
            lines[i] = s.line().line();
            outcomes[i] = s.row().outcome().name();
            bankReferences[i] = s.row().bankReference();
            dates[i] = s.row().date().toString();
            reasons[i] = s.row().outcome() == Reconciliation.Outcome.FAILED ? s.row().reason() : null;
        }
        writes.add("""
                UPDATE payment_line l SET outcome = v.outcome, bank_reference = v.bank_reference,
                    settled_on = v.settled_on, failure_reason = v.failure_reason, reconciled_at = ?
                FROM unnest(?::integer[], ?::text[], ?::text[], ?::date[], ?::text[])
                     AS v(line, outcome, bank_reference, settled_on, failure_reason)
                WHERE l.batch_id = ? AND l.line = v.line""", Timestamp.from(now),
                connection.createArrayOf("integer", lines), connection.createArrayOf("text", outcomes),
                connection.createArrayOf("text", bankReferences), connection.createArrayOf("date", dates),
                connection.createArrayOf("text", reasons), batchId);
    }

    /** Every batch line that pays one of {@code disbursementIds}, in any batch, per disbursement. */
    static Map<UUID, List<Reconciliation.Known>> known(Connection connection, List<UUID> disbursementIds)
            throws SQLException {
        Map<UUID, List<Reconciliation.Known>> known = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT batch_id, line, disbursement_id, amount, outcome FROM payment_line
                WHERE disbursement_id = ANY (?)""")) {
            query.setArray(1, connection.createArrayOf("uuid", disbursementIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String outcome = row.getString("outcome");
                    Reconciliation.Known line = new Reconciliation.Known(row.getObject("batch_id", UUID.class),
                            row.getInt("line"), row.getObject("disbursement_id", UUID.class),
                            row.getBigDecimal("amount"), outcome == null ? null : Reconciliation.Outcome.valueOf(outcome));
                    known.computeIfAbsent(line.disbursementId(), id -> new ArrayList<>()).add(line);
                }
            }
        }
        return known;
    }

    /** The batch, or 404 (also outside {@code scope}: there it does not exist). */
    static PaymentBatch find(Connection connection, UUID id, RegionScope scope) throws SQLException {
        return one(connection, id, scope, "");
    }

    /** The batch, locked until the transaction ends (so its changes queue up); 404 as {@link #find}. */
    static PaymentBatch lock(Connection connection, UUID id, RegionScope scope) throws SQLException {
        return one(connection, id, scope, " FOR UPDATE");
    }

    private static PaymentBatch one(Connection connection, UUID id, RegionScope scope, String lock)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM payment_batch b WHERE b.id = ?" + lock)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                PaymentBatch batch = row.next() ? read(row) : null;
                if (batch == null || !scope.covers(batch.countyCode)) {
                    throw new NotFoundException("No payment batch with id " + id);
                }
                return batch;
            }
        }
    }

    /** A page of the batches in {@code scope} (newest first), filtered by county and status. */
    static PaymentBatches.Page page(Connection connection, RegionScope scope, String countyCode,
            PaymentBatchStatus status, int page, int size) throws SQLException {
        List<String> conditions = new ArrayList<>(List.of("b.county_code LIKE ?"));
        List<Object> values = new ArrayList<>(List.of(scope.likePattern()));
        if (countyCode != null) {
            conditions.add("b.county_code = ?");
            values.add(countyCode);
        }
        if (status != null) {
            conditions.add("b.status = ?");
            values.add(status.name());
        }
        String from = " FROM payment_batch b WHERE " + String.join(" AND ", conditions);
        return new PaymentBatches.Page(Paging.rows(connection, "SELECT " + COLUMNS + from
                + " ORDER BY b.created_at DESC, b.id", values, page, size, PaymentBatchStore::read),
                Paging.count(connection, "SELECT count(*)" + from, values));
    }

    /** Every line of the batch, in line order: what its bank file lists. */
    static List<BankFile.Line> instructions(Connection connection, UUID batchId) throws SQLException {
        List<BankFile.Line> lines = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + LINE_COLUMNS + " FROM payment_line l WHERE l.batch_id = ? ORDER BY l.line")) {
            query.setObject(1, batchId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    lines.add(instruction(row));
                }
            }
        }
        return lines;
    }

    private static final String LINE_COLUMNS = "l.line, l.disbursement_id, l.payee_name, l.bank_account, l.amount, "
            + "l.purpose, l.outcome, l.bank_reference, l.settled_on, l.failure_reason";

    /** A page of the batch's lines in line order, of one outcome ("none": not yet reconciled) or all. */
    static PaymentBatches.LinePage lines(Connection connection, UUID batchId, String outcome, int page, int size)
            throws SQLException {
        List<Object> values = new ArrayList<>(List.of(batchId));
        String from = " FROM payment_line l WHERE l.batch_id = ?";
        if ("none".equals(outcome)) {
            from += " AND l.outcome IS NULL";
        } else if (outcome != null) {
            from += " AND l.outcome = ?";
            values.add(outcome);
        }
        return new PaymentBatches.LinePage(Paging.rows(connection, "SELECT " + LINE_COLUMNS + from + " ORDER BY l.line",
                values, page, size, row -> {
                    String settled = row.getString("outcome");
                    return new PaymentBatches.Line(instruction(row), settled == null ? null : Reconciliation.Outcome.valueOf(settled),
                            row.getString("bank_reference"), row.getObject("settled_on", LocalDate.class),
                            row.getString("failure_reason"));
                }), Paging.count(connection, "SELECT count(*)" + from, values));
    }

    private static BankFile.Line instruction(ResultSet row) throws SQLException {
        return new BankFile.Line(row.getInt("line"), row.getString("payee_name"), row.getString("bank_account"),
                row.getBigDecimal("amount"), row.getString("purpose"), row.getObject("disbursement_id", UUID.class));
    }

    private static PaymentBatch read(ResultSet row) throws SQLException {
        PaymentBatch b = new PaymentBatch();
        b.id = row.getObject("id", UUID.class);
        b.countyCode = row.getString("county_code");
        b.status = PaymentBatchStatus.valueOf(row.getString("status"));
        b.lines = row.getInt("lines");
        b.total = row.getBigDecimal("total");
        b.paid = row.getInt("paid");
        b.paidTotal = row.getBigDecimal("paid_total");
        b.failed = row.getInt("failed");
        b.failedTotal = row.getBigDecimal("failed_total");
        b.fileSha256 = row.getString("file_sha256");
        b.createdBy = row.getString("created_by");
        b.exportedBy = row.getString("exported_by");
        b.exportedAt = Columns.instant(row, "exported_at");
        b.sentBy = row.getString("sent_by");
        b.sentAt = Columns.instant(row, "sent_at");
        b.cancelledBy = row.getString("cancelled_by");
        b.cancellationReason = row.getString("cancellation_reason");
        b.version = row.getLong("version");
        b.createdAt = Columns.instant(row, "created_at");
        b.updatedAt = Columns.instant(row, "updated_at");
        return b;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
