package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
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

    static void insert(Connection connection, Disbursement d) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO disbursement (id, member_id, fund_id, county_code, kind, amount, disbursed_on, year,
                    mechanism, project_name, reason, requested_by, status, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, d.id);
            insert.setObject(2, d.memberId);
            insert.setObject(3, d.fundId);
            insert.setString(4, d.countyCode);
            insert.setString(5, d.kind.name());
            insert.setBigDecimal(6, d.amount);
            insert.setObject(7, d.disbursedOn);
            insert.setInt(8, d.year);
            insert.setString(9, d.mechanism == null ? null : d.mechanism.name());
            insert.setString(10, d.projectName);
            insert.setString(11, d.reason);
            insert.setString(12, d.requestedBy);
            insert.setString(13, d.status.name());
            insert.setLong(14, d.version);
            insert.setTimestamp(15, Timestamp.from(d.createdAt));
            insert.setTimestamp(16, Timestamp.from(d.updatedAt));
            insert.executeUpdate();
        }
    }

    /** Reads the disbursement and locks it until the transaction ends: decisions on it queue up. */
    static Disbursement lock(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, member_id, fund_id, county_code, kind, amount, disbursed_on, year, mechanism, project_name,
                       reason, requested_by, status, decided_by, decision_reason, reversed_by, reversal_reason,
                       version, created_at, updated_at
                FROM disbursement WHERE id = ? FOR UPDATE""")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("No disbursement with id " + id);
                }
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
        }
    }

    /** Writes a decision taken on a {@link #lock locked} disbursement, as its next version. */
    static void saveDecision(Connection connection, Disbursement d) throws SQLException {
        d.version = d.version + 1;
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE disbursement SET status = ?, decided_by = ?, decision_reason = ?, reversed_by = ?,
                    reversal_reason = ?, version = ?, updated_at = ?
                WHERE id = ?""")) {
            update.setString(1, d.status.name());
            update.setString(2, d.decidedBy);
            update.setString(3, d.decisionReason);
            update.setString(4, d.reversedBy);
            update.setString(5, d.reversalReason);
            update.setLong(6, d.version);
            update.setTimestamp(7, Timestamp.from(d.updatedAt));
            update.setObject(8, d.id);
            update.executeUpdate();
        }
    }
}
