package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.StartupMechanism;

/**
 * The disbursement table in plain SQL, for the paths that move money (request, decisions) and run
 * in a {@code JdbcTransactions} transaction. Listing and reading go through the entity.
 */
final class DisbursementRows {

    private DisbursementRows() {
    }

    static void insert(StatementPipeline writes, Disbursement d) {
        writes.addRow("""
                INSERT INTO disbursement (id, member_id, fund_id, county_code, kind, amount, disbursed_on, year,
                    mechanism, project_name, reason, requested_by, status, version, created_at, updated_at,
                    living_subsidy_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", d.id, d.memberId, d.fundId, d.countyCode,
                d.kind.name(), d.amount, d.disbursedOn, d.year, d.mechanism == null ? null : d.mechanism.name(),
                d.projectName, d.reason, d.requestedBy, d.status.name(), d.version, Timestamp.from(d.createdAt),
                Timestamp.from(d.updatedAt), d.livingSubsidyYear());
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
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, member_id, fund_id, county_code, kind, amount, disbursed_on, year, mechanism, project_name,
                       reason, requested_by, status, decided_by, decision_reason, reversed_by, reversal_reason,
                       version, created_at, updated_at
                FROM disbursement WHERE id = ANY (?) ORDER BY id FOR UPDATE""")) {
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

    private static Disbursement read(ResultSet row) throws SQLException {
        Disbursement d = new Disbursement();
        d.id = row.getObject(1, UUID.class);
        d.memberId = row.getObject(2, UUID.class);
        d.fundId = row.getObject(3, UUID.class);
        d.countyCode = row.getString(4);
        d.kind = DisbursementKind.valueOf(row.getString(5));
        d.amount = row.getBigDecimal(6);
        d.disbursedOn = row.getObject(7, LocalDate.class);
        d.year = row.getInt(8);
        String mechanism = row.getString(9);
        d.mechanism = mechanism == null ? null : StartupMechanism.valueOf(mechanism);
        d.projectName = row.getString(10);
        d.reason = row.getString(11);
        d.requestedBy = row.getString(12);
        d.status = DisbursementStatus.valueOf(row.getString(13));
        d.decidedBy = row.getString(14);
        d.decisionReason = row.getString(15);
        d.reversedBy = row.getString(16);
        d.reversalReason = row.getString(17);
        d.version = row.getLong(18);
        d.createdAt = row.getTimestamp(19).toInstant();
        d.updatedAt = row.getTimestamp(20).toInstant();
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
