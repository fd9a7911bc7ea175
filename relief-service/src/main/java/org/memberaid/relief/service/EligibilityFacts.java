package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberaid.access.RegionScope;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.CountyPolicy;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.RuleViolationException;

/**
 * What the programme's rules decide a disbursement request on: the member as relief knows it,
 * the fund, its county's policy, and whether the member already has a live living subsidy that
 * year. Read for a batch of requests in one round trip, in their transaction.
 */
record EligibilityFacts(MemberReplica member, Fund fund, CountyPolicy policy, boolean livingSubsidyThisYear) {

    /**
     * One request of {@link #readAll}: refused (its key held by another transaction or used for
     * another request, the member or the fund unknown, in that order), or the answer kept under its
     * key, or the facts its rules decide on. A member or fund outside the caller's region is
     * refused exactly as an unknown one: it does not exist for that caller.
     */
    record Found(RuntimeException refused, IdempotencyKeys.Answer kept, EligibilityFacts facts) {
    }

    /**
     * For requests under their idempotency keys, in one round trip and in order: takes each key's
     * lock for the transaction, reads the answer kept under it and the request's facts. A key twice
     * in the list is locked once; the caller tells the second request apart.
     */
    static List<Found> readAll(Connection connection, List<String> scopedKeys, List<String> requestHashes,
            List<DisbursementRequest> requests, List<RegionScope> scopes) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT %s,
                       %s, %s, %s,
                       r.living AND EXISTS (SELECT 1 FROM disbursement d WHERE d.member_id = m.id
                                            AND d.living_subsidy_year = r.year) AS living_subsidy_this_year
                FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::boolean[], ?::int[])
                     WITH ORDINALITY AS r(scoped_key, member_id, fund_id, living, year, n)
                %s
                LEFT JOIN member_replica m ON m.id = r.member_id
                LEFT JOIN fund f ON f.id = r.fund_id
                LEFT JOIN county_policy p ON p.county_code = f.county_code
                ORDER BY r.n""".formatted(IdempotencyKeys.CLAIM_COLUMNS, MemberRows.columns("m", "m_"),
                FundRows.columns("f", "f_"), PolicyRows.columns("p", "p_"), IdempotencyKeys.CLAIM_JOIN))) {
            int size = requests.size();
            query.setArray(1, connection.createArrayOf("text", scopedKeys.toArray()));
            query.setArray(2, connection.createArrayOf("uuid",
                    requests.stream().map(DisbursementRequest::memberId).toArray()));
            query.setArray(3, connection.createArrayOf("uuid",
                    requests.stream().map(DisbursementRequest::fundId).toArray()));
            query.setArray(4, connection.createArrayOf("boolean",
                    requests.stream().map(r -> r.kind() == DisbursementKind.LIVING_SUBSIDY).toArray()));
            query.setArray(5, connection.createArrayOf("integer",
                    requests.stream().map(r -> r.disbursedOn().getYear()).toArray()));
            List<Found> found = new ArrayList<>(size);
            try (ResultSet row = query.executeQuery()) {
                for (int i = 0; i < size; i++) {
                    row.next();
                    try {
                        IdempotencyKeys.Answer kept = IdempotencyKeys.earlier(row, requestHashes.get(i));
                        found.add(kept != null ? new Found(null, kept, null)
                                : new Found(null, null, facts(row, requests.get(i), scopes.get(i))));
                    } catch (RuleViolationException | ConflictException refused) {
                        found.add(new Found(refused, null, null));
                    }
                }
            }
            return found;
        }
    }

    /** The facts from a row of {@link #readAll}: its member, fund and policy columns are prefixed m_, f_ and p_. */
    private static EligibilityFacts facts(ResultSet row, DisbursementRequest request, RegionScope scope)
            throws SQLException {
        MemberReplica member = member(row, request.memberId());
        if (!scope.covers(member.countyCode)) {
            throw MemberReplica.unknown(request.memberId());
        }
        Fund fund = FundRows.read(row, "f_");
        if (fund == null || !scope.covers(fund.countyCode)) {
            throw new RuleViolationException("fund-unknown", "No fund with id " + request.fundId());
        }
        return new EligibilityFacts(member, fund, PolicyRows.policy(row, "p_", fund.countyCode),
                row.getBoolean("living_subsidy_this_year"));
    }

    /** A fund locked for a change of its money, with its county's policy as the change finds it. */
    record LockedFund(Fund fund, CountyPolicy policy) {
    }

    /**
     * Locks the funds (in id order, for the rest of the transaction) and reads each with its
     * county's policy: what approvals charge and re-check the programme's rules against, and what
     * refunds and budget changes decide on.
     */
    static Map<UUID, LockedFund> lockFunds(Connection connection, Collection<UUID> ids) throws SQLException {
        return funds(connection, ids, " FOR NO KEY UPDATE OF f");
    }

    /** The fund with its county's policy, as {@link #lockFunds} reads it but without a lock; null when there is none. */
    static LockedFund fund(Connection connection, UUID id) throws SQLException {
        return funds(connection, List.of(id), "").get(id);
    }

    private static Map<UUID, LockedFund> funds(Connection connection, Collection<UUID> ids, String lock)
            throws SQLException {
        Map<UUID, LockedFund> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT %s, %s
                FROM fund f LEFT JOIN county_policy p ON p.county_code = f.county_code
                WHERE f.id = ANY (?) ORDER BY f.id""".formatted(FundRows.columns("f", "f_"),
                PolicyRows.columns("p", "p_")) + lock)) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Fund fund = FundRows.read(row, "f_");
                    locked.put(fund.id, new LockedFund(fund, PolicyRows.policy(row, "p_", fund.countyCode)));
                }
            }
        }
        return locked;
    }

    /** The members relief knows of {@code ids}, as they are now (one query for a batch). */
    static Map<UUID, MemberReplica> members(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, MemberReplica> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + MemberRows.columns("m", "m_") + " FROM member_replica m WHERE m.id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    MemberReplica member = MemberRows.read(row, "m_");
                    found.put(member.id, member);
                }
            }
        }
        return found;
    }

    /**
     * The member relief knows under {@code id}; a 422 saying so when it does not know it yet, or
     * when the member lies outside the caller's region (it does not exist for them).
     */
    static MemberReplica member(Connection connection, UUID id, RegionScope scope) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + MemberRows.columns("m", "m_")
                + " FROM (VALUES (1)) AS one LEFT JOIN member_replica m ON m.id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                MemberReplica member = member(row, id);
                if (!scope.covers(member.countyCode)) {
                    throw MemberReplica.unknown(id);
                }
                return member;
            }
        }
    }

    /** The member of a row whose member columns are prefixed m_; a 422 saying so when the row has none. */
    private static MemberReplica member(ResultSet row, UUID id) throws SQLException {
        MemberReplica member = MemberRows.read(row, "m_");
        if (member == null) {
            throw MemberReplica.unknown(id);
        }
        return member;
    }
}
