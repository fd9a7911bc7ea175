package org.memberaid.relief.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.memberaid.access.RegionScope;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.Cycle;
import org.memberaid.relief.domain.CycleEvaluation.Candidate;
import org.memberaid.relief.domain.CycleStatus;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.StartupMechanism;

/**
 * The cycle and cycle_entitlement tables: a cycle's row, by column name, and its entitlements.
 * Every method works in the transaction open on the connection it is given; writes go into the
 * caller's {@link StatementPipeline}.
 */
final class CycleStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private static final String COLUMNS = Columns.aliased("c", "", List.of("id", "county_code", "year", "kind",
            "fund_id", "name", "amount", "disbursed_on", "mechanism", "status", "evaluated_at", "entitled", "total",
            "excluded", "created_by", "decided_by", "decision_reason", "version", "created_at", "updated_at"));

    private CycleStore() {
    }

    static void insert(StatementPipeline writes, Cycle c) {
        writes.add("""
                INSERT INTO cycle (id, county_code, year, kind, fund_id, name, amount, disbursed_on, mechanism, status,
                    entitled, total, excluded, created_by, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", c.id, c.countyCode, c.year,
                c.kind.name(), c.fundId, c.name, c.amount, c.disbursedOn,
                c.mechanism == null ? null : c.mechanism.name(), c.status.name(), c.entitled, c.total,
                json(c.excluded), c.createdBy, c.version, Timestamp.from(c.createdAt), Timestamp.from(c.updatedAt));
    }

    /** Writes a changed cycle as its next version (which it takes). */
    static void save(StatementPipeline writes, Cycle c) {
        c.version = c.version + 1;
        writes.add("""
                UPDATE cycle SET status = ?, evaluated_at = ?, entitled = ?, total = ?, excluded = ?::jsonb,
                    decided_by = ?, decision_reason = ?, version = ?, updated_at = ?
                WHERE id = ?""", c.status.name(), c.evaluatedAt == null ? null : Timestamp.from(c.evaluatedAt),
                c.entitled, c.total, json(c.excluded), c.decidedBy, c.decisionReason, c.version,
                Timestamp.from(c.updatedAt), c.id);
    }

    /** The cycle, or 404 (also outside {@code scope}: there it does not exist). */
    static Cycle find(Connection connection, UUID id, RegionScope scope) throws SQLException {
        return one(connection, id, scope, "");
    }

    /** The cycle, locked until the transaction ends (so its changes queue up); 404 as {@link #find}. */
    static Cycle lock(Connection connection, UUID id, RegionScope scope) throws SQLException {
        return one(connection, id, scope, " FOR UPDATE");
    }

    private static Cycle one(Connection connection, UUID id, RegionScope scope, String lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM cycle c WHERE c.id = ?" + lock)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                Cycle cycle = row.next() ? read(row) : null;
                if (cycle == null || !scope.covers(cycle.countyCode)) {
                    throw new NotFoundException("No cycle with id " + id);
                }
                return cycle;
            }
        }
    }

    /** A page of the cycles in {@code scope} (newest first), filtered by any of county, year and status. */
    static Cycles.Page page(Connection connection, RegionScope scope, String countyCode, Integer year,
            CycleStatus status, int page, int size) throws SQLException {
        List<String> conditions = new ArrayList<>(List.of("c.county_code LIKE ?"));
        List<Object> values = new ArrayList<>(List.of(scope.likePattern()));
        if (countyCode != null) {
            conditions.add("c.county_code = ?");
            values.add(countyCode);
        }
        if (year != null) {
            conditions.add("c.year = ?");
            values.add(year);
        }
        if (status != null) {
            conditions.add("c.status = ?");
            values.add(status.name());
        }
        String from = " FROM cycle c WHERE " + String.join(" AND ", conditions);
        return new Cycles.Page(Paging.rows(connection, "SELECT " + COLUMNS + from + " ORDER BY c.created_at DESC, c.id",
                values, page, size, CycleStore::read), Paging.count(connection, "SELECT count(*)" + from, values));
    }

    /**
     * The members of the cycle's county the evaluation decides on, in id order, each with whether
     * they already have a live disbursement of the cycle's kind that year; members whose
     * entitlement was removed are not asked again.
     */
    static List<Candidate> candidates(Connection connection, Cycle cycle) throws SQLException {
        return members(connection, """
                SELECT %s, EXISTS (SELECT 1 FROM disbursement d WHERE d.member_id = m.id AND d.kind = ?
                                   AND d.year = ? AND d.status IN ('REQUESTED', 'APPROVED', 'PAID')) AS has_kind_this_year
                FROM member_replica m
                WHERE m.county_code = ?
                  AND NOT EXISTS (SELECT 1 FROM cycle_entitlement e WHERE e.cycle_id = ? AND e.member_id = m.id
                                  AND e.removed_by IS NOT NULL)
                ORDER BY m.id""".formatted(MemberRows.columns("m", "")), cycle.kind.name(), cycle.year,
                cycle.countyCode, cycle.id);
    }

    /**
     * The members the cycle's standing entitlements name, as they are now, each with whether they
     * have a live disbursement of the kind that year by now: what an approval decides on again.
     * A member relief no longer knows comes back without its replica (null).
     */
    static List<Candidate> entitled(Connection connection, Cycle cycle) throws SQLException {
        return members(connection, """
                SELECT e.member_id AS entitled_member, %s,
                       EXISTS (SELECT 1 FROM disbursement d WHERE d.member_id = e.member_id AND d.kind = ?
                               AND d.year = ? AND d.status IN ('REQUESTED', 'APPROVED', 'PAID')) AS has_kind_this_year
                FROM cycle_entitlement e LEFT JOIN member_replica m ON m.id = e.member_id
                WHERE e.cycle_id = ? AND e.removed_by IS NULL
                ORDER BY e.member_id""".formatted(MemberRows.columns("m", "")), cycle.kind.name(), cycle.year,
                cycle.id);
    }

    private static List<Candidate> members(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            query.setFetchSize(5_000);
            List<Candidate> found = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(new Candidate(MemberRows.read(row, ""), row.getBoolean("has_kind_this_year")));
                }
            }
            return found;
        }
    }

    /** Replaces the cycle's standing entitlements by one per member of {@code entitled}; removed ones stay. */
    static void entitle(Connection connection, StatementPipeline writes, Cycle cycle, List<UUID> entitled)
            throws SQLException {
        writes.add("DELETE FROM cycle_entitlement WHERE cycle_id = ? AND removed_by IS NULL", cycle.id);
        writes.add("""
                INSERT INTO cycle_entitlement (cycle_id, member_id, amount)
                SELECT ?, member_id, ? FROM unnest(?::uuid[]) AS e(member_id)""", cycle.id, cycle.amount,
                connection.createArrayOf("uuid", entitled.toArray()));
    }

    /**
     * Marks the member's standing entitlement removed; false when the cycle has none for the
     * member (never entitled, or removed already).
     */
    static boolean remove(Connection connection, UUID cycleId, UUID memberId, String remover, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE cycle_entitlement SET removed_by = ?, removal_reason = ?
                WHERE cycle_id = ? AND member_id = ? AND removed_by IS NULL""")) {
            update.setString(1, remover);
            update.setString(2, reason);
            update.setObject(3, cycleId);
            update.setObject(4, memberId);
            return update.executeUpdate() == 1;
        }
    }

    /** A page of the cycle's entitlements, standing and removed, in member id order. */
    static Cycles.EntitlementPage entitlements(Connection connection, UUID cycleId, int page, int size)
            throws SQLException {
        String from = " FROM cycle_entitlement e WHERE e.cycle_id = ?";
        List<Object> values = List.of(cycleId);
        return new Cycles.EntitlementPage(Paging.rows(connection,
                "SELECT e.member_id, e.amount, e.removed_by, e.removal_reason" + from + " ORDER BY e.member_id",
                values, page, size, row -> new Cycles.Entitlement(row.getObject("member_id", UUID.class),
                        row.getBigDecimal("amount"), row.getString("removed_by"), row.getString("removal_reason"))),
                Paging.count(connection, "SELECT count(*)" + from, values));
    }

    private static Cycle read(ResultSet row) throws SQLException {
        Cycle c = new Cycle();
        c.id = row.getObject("id", UUID.class);
        c.countyCode = row.getString("county_code");
        c.year = row.getInt("year");
        c.kind = DisbursementKind.valueOf(row.getString("kind"));
        c.fundId = row.getObject("fund_id", UUID.class);
        c.name = row.getString("name");
        c.amount = row.getBigDecimal("amount");
        c.disbursedOn = row.getObject("disbursed_on", LocalDate.class);
        String mechanism = row.getString("mechanism");
        c.mechanism = mechanism == null ? null : StartupMechanism.valueOf(mechanism);
        c.status = CycleStatus.valueOf(row.getString("status"));
        c.evaluatedAt = Columns.instant(row, "evaluated_at");
        c.entitled = row.getInt("entitled");
        c.total = row.getBigDecimal("total");
        c.excluded = counts(row.getString("excluded"));
        c.createdBy = row.getString("created_by");
        c.decidedBy = row.getString("decided_by");
        c.decisionReason = row.getString("decision_reason");
        c.version = row.getLong("version");
        c.createdAt = Columns.instant(row, "created_at");
        c.updatedAt = Columns.instant(row, "updated_at");
        return c;
    }

    private static String json(Map<String, Integer> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> counts(String json) {
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cycle.excluded is not a JSON object of counts: " + json, e);
        }
    }
}
