package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.StartupMechanism;

/**
 * The disbursement table: the one place a disbursement is written to or read from a row, by
 * column name. Every method works in the transaction open on the connection it is given
 * ({@code JdbcTransactions}); writes go into the caller's {@link StatementPipeline}, so they reach
 * the database in one round trip with the rest of the transaction's writes.
 */
final class DisbursementStore {

    private static final String COLUMNS = Columns.aliased("d", "", List.of("id", "member_id", "fund_id",
            "county_code", "kind", "amount", "disbursed_on", "year", "mechanism", "project_name", "reason",
            "requested_by", "status", "decided_by", "decision_reason", "reversed_by", "reversal_reason", "version",
            "created_at", "updated_at", "cycle_id", "payment_batch_id"));

    private DisbursementStore() {
    }

    private static final String INSERT = """
            INSERT INTO disbursement (id, member_id, fund_id, county_code, kind, amount, disbursed_on, year, mechanism,
                project_name, reason, requested_by, status, decided_by, version, created_at, updated_at,
                living_subsidy_year, cycle_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static void insert(StatementPipeline writes, Disbursement d) {
        writes.addRow(INSERT, values(d));
    }

    /**
     * Inserts many disbursements at once (a cycle's thousands of entitlements), as one JDBC batch:
     * more rows than one statement may carry parameters for.
     */
    static void insertAll(Connection connection, List<Disbursement> all) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Disbursement d : all) {
                Object[] values = values(d);
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Object[] values(Disbursement d) {
        return new Object[] {d.id, d.memberId, d.fundId, d.countyCode, d.kind.name(), d.amount, d.disbursedOn,
            d.year, d.mechanism == null ? null : d.mechanism.name(), d.projectName, d.reason, d.requestedBy,
            d.status.name(), d.decidedBy, d.version, Timestamp.from(d.createdAt), Timestamp.from(d.updatedAt),
            d.livingSubsidyYear(), d.cycleId};
    }

    /** The disbursement stored under {@code id}, without locking it. */
    static Optional<Disbursement> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM disbursement d WHERE d.id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Reads the disbursement and locks it until the transaction ends: decisions on it queue up. */
    static Disbursement lock(Connection connection, UUID id) throws SQLException {
        Disbursement d = lockAll(connection, List.of(id)).get(id);
        if (d == null) {
            throw new NotFoundException("No disbursement with id " + id);
        }
        return d;
    }

    /**
     * Reads the disbursements there are of {@code ids} and locks them until the transaction ends,
     * in id order (so that two transactions locking several never wait for each other in a circle).
     */
    static Map<UUID, Disbursement> lockAll(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM disbursement d WHERE d.id = ANY (?) ORDER BY d.id FOR UPDATE")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            Map<UUID, Disbursement> locked = new HashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Disbursement d = read(row);
                    locked.put(d.id, d);
                }
            }
            return locked;
        }
    }

    /**
     * One page of the disbursements that meet {@code criteria}, ordered by date, then creation,
     * then id (a stable order to page through), and how many meet them in all.
     */
    static Disbursements.Page page(Connection connection, Disbursements.Criteria criteria, int page, int size)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        conditions.add("d.county_code LIKE ?");
        values.add(criteria.scope().likePattern());
        condition(conditions, values, "d.member_id = ?", criteria.memberId());
        condition(conditions, values, "d.county_code = ?", criteria.countyCode());
        condition(conditions, values, "d.kind = ?", criteria.kind() == null ? null : criteria.kind().name());
        condition(conditions, values, "d.status = ?", criteria.status() == null ? null : criteria.status().name());
        condition(conditions, values, "d.disbursed_on >= ?", criteria.from());
        condition(conditions, values, "d.disbursed_on <= ?", criteria.to());
        String from = " FROM disbursement d WHERE " + String.join(" AND ", conditions);
        return new Disbursements.Page(Paging.rows(connection, "SELECT " + COLUMNS + from
                + " ORDER BY d.disbursed_on, d.created_at, d.id", values, page, size, DisbursementStore::read),
                Paging.count(connection, "SELECT count(*)" + from, values));
    }

    /**
     * A page of the county's APPROVED disbursements no payment batch holds whose members have no
     * payee details (by id), and how many there are.
     */
    static Disbursements.Page withoutPayee(Connection connection, String countyCode, int page, int size)
            throws SQLException {
        String from = """
                 FROM disbursement d LEFT JOIN member_payee p ON p.member_id = d.member_id
                WHERE d.county_code = ? AND d.status = 'APPROVED' AND d.payment_batch_id IS NULL
                  AND p.bank_account IS NULL""";
        List<Object> values = List.of(countyCode);
        return new Disbursements.Page(Paging.rows(connection, "SELECT " + COLUMNS + from + " ORDER BY d.id", values,
                page, size, DisbursementStore::read), Paging.count(connection, "SELECT count(*)" + from, values));
    }

    private static void condition(List<String> conditions, List<Object> values, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
    }

    private static Disbursement read(ResultSet row) throws SQLException {
        Disbursement d = new Disbursement();
        d.id = row.getObject("id", UUID.class);
        d.memberId = row.getObject("member_id", UUID.class);
        d.fundId = row.getObject("fund_id", UUID.class);
        d.countyCode = row.getString("county_code");
        d.kind = DisbursementKind.valueOf(row.getString("kind"));
        d.amount = row.getBigDecimal("amount");
        d.disbursedOn = row.getObject("disbursed_on", LocalDate.class);
        d.year = row.getInt("year");
        String mechanism = row.getString("mechanism");
        d.mechanism = mechanism == null ? null : StartupMechanism.valueOf(mechanism);
        d.projectName = row.getString("project_name");
        d.reason = row.getString("reason");
        d.requestedBy = row.getString("requested_by");
        d.status = DisbursementStatus.valueOf(row.getString("status"));
        d.decidedBy = row.getString("decided_by");
        d.decisionReason = row.getString("decision_reason");
        d.reversedBy = row.getString("reversed_by");
        d.reversalReason = row.getString("reversal_reason");
        d.version = row.getLong("version");
        d.createdAt = Columns.instant(row, "created_at");
        d.updatedAt = Columns.instant(row, "updated_at");
        d.cycleId = row.getObject("cycle_id", UUID.class);
        d.paymentBatchId = row.getObject("payment_batch_id", UUID.class);
        return d;
    }

    /**
     * Writes the decisions taken on {@link #lockAll locked} disbursements, each as its next version,
     * with one statement. An approval leaves every indexed column as it was, so PostgreSQL
     * updates the row in place.
     */
    static void saveDecisions(Connection connection, StatementPipeline writes, List<Disbursement> decided)
            throws SQLException {
        if (decided.isEmpty()) {
            return;
        }
        int size = decided.size();
        Object[] ids = new Object[size];
        Object[] statuses = new Object[size];
        Object[] decidedBy = new Object[size];
        Object[] decisionReasons = new Object[size];
        Object[] reversedBy = new Object[size];
        Object[] reversalReasons = new Object[size];
        Object[] versions = new Object[size];
        Object[] updatedAt = new Object[size];
        Object[] livingSubsidyYears = new Object[size];
        for (int i = 0; i < size; i++) {
            Disbursement d = decided.get(i);
            d.version = d.version + 1;
            ids[i] = d.id;
            statuses[i] = d.status.name();
            decidedBy[i] = d.decidedBy;
            decisionReasons[i] = d.decisionReason;
            reversedBy[i] = d.reversedBy;
            reversalReasons[i] = d.reversalReason;
            versions[i] = d.version;
            updatedAt[i] = d.updatedAt.toString();
            livingSubsidyYears[i] = d.livingSubsidyYear();
        }
        writes.add("""
                UPDATE disbursement d SET status = v.status, decided_by = v.decided_by,
                    decision_reason = v.decision_reason, reversed_by = v.reversed_by,
                    reversal_reason = v.reversal_reason, version = v.version, updated_at = v.updated_at,
                    living_subsidy_year = v.living_subsidy_year
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                            ?::timestamptz[], ?::integer[])
                     AS v(id, status, decided_by, decision_reason, reversed_by, reversal_reason, version,
                          updated_at, living_subsidy_year)
                WHERE d.id = v.id""", connection.createArrayOf("uuid", ids),
                connection.createArrayOf("text", statuses), connection.createArrayOf("text", decidedBy),
                connection.createArrayOf("text", decisionReasons), connection.createArrayOf("text", reversedBy),
                connection.createArrayOf("text", reversalReasons), connection.createArrayOf("bigint", versions),
                connection.createArrayOf("timestamptz", updatedAt),
                connection.createArrayOf("integer", livingSubsidyYears));
    }
}
