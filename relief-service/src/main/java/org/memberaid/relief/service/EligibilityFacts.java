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
import org.memberaid.relief.domain.FundKind;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.RuleViolationException;

/**
 * What the programme's rules decide a disbursement request on: the member as relief knows it,
 * the fund, its county's policy, and whether the member already has a live living subsidy that
 * year. Read for a batch of requests in one round trip, in their transaction.
 */
record EligibilityFacts(MemberReplica member, Fund fund, CountyPolicy policy, boolean livingSubsidyThisYear) {

    private static final String MEMBER_COLUMNS = """
            m.id, m.county_code, m.birth_date, m.joined_party_on, m.labor_capacity, m.annual_income,
            m.notable_contribution, m.hardship_status, m.registration_status, m.version""";

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
                SELECT %s, %s
                , f.id, f.county_code, f.year, f.kind, f.budget, f.approved, f.version,
                  p.hardship_relief_min, p.hardship_relief_max, p.living_subsidy_min, p.living_subsidy_max,
                  p.living_subsidy_age, p.special_relief_floor, p.startup_support_max, p.veteran_years, p.version,
                  r.living AND EXISTS (SELECT 1 FROM disbursement d WHERE d.member_id = m.id
                                       AND d.living_subsidy_year = r.year)
                FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::boolean[], ?::int[])
                     WITH ORDINALITY AS r(scoped_key, member_id, fund_id, living, year, n)
                %s
                LEFT JOIN member_replica m ON m.id = r.member_id
                LEFT JOIN fund f ON f.id = r.fund_id
                LEFT JOIN county_policy p ON p.county_code = f.county_code
                ORDER BY r.n""".formatted(IdempotencyKeys.CLAIM_COLUMNS, MEMBER_COLUMNS, IdempotencyKeys.CLAIM_JOIN))) {
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
                                : new Found(null, null, facts(row, 6, requests.get(i), scopes.get(i))));
                    } catch (RuleViolationException | ConflictException refused) {
                        found.add(new Found(refused, null, null));
                    }
                }
            }
            return found;
        }
    }

    /** The facts from a row whose member columns start at {@code from}. */
    private static EligibilityFacts facts(ResultSet row, int from, DisbursementRequest request, RegionScope scope)
            throws SQLException {
        MemberReplica member = member(row, from, request.memberId());
        if (!scope.covers(member.countyCode)) {
            throw MemberReplica.unknown(request.memberId());
        }
        int f = from + 10;
        if (row.getObject(f) == null || !scope.covers(row.getString(f + 1))) {
            throw new RuleViolationException("fund-unknown", "No fund with id " + request.fundId());
        }
        Fund fund = fund(row, f);
        int p = f + 7;
        return new EligibilityFacts(member, fund, policy(row, p, fund.countyCode), row.getBoolean(p + 9));
    }

    /** The fund from a row whose fund columns start at {@code f}. */
    private static Fund fund(ResultSet row, int f) throws SQLException {
        Fund fund = new Fund();
        fund.id = row.getObject(f, UUID.class);
        fund.countyCode = row.getString(f + 1);
        fund.year = row.getInt(f + 2);
        fund.kind = FundKind.valueOf(row.getString(f + 3));
        fund.budget = row.getBigDecimal(f + 4);
        fund.approved = row.getBigDecimal(f + 5);
        fund.version = row.getLong(f + 6);
        return fund;
    }

    /** The county's policy from a row whose policy columns start at {@code p}; the defaults when it has none. */
    private static CountyPolicy policy(ResultSet row, int p, String countyCode) throws SQLException {
        return row.getObject(p) == null ? CountyPolicy.defaults(countyCode)
                : new CountyPolicy(countyCode, row.getBigDecimal(p), row.getBigDecimal(p + 1),
                        row.getBigDecimal(p + 2), row.getBigDecimal(p + 3), row.getInt(p + 4),
                        row.getBigDecimal(p + 5), row.getBigDecimal(p + 6), row.getInt(p + 7), row.getLong(p + 8));
    }

    /** A fund locked for approvals, with its county's policy as the approvals find it. */
    record LockedFund(Fund fund, CountyPolicy policy) {
    }

    /**
     * Locks the funds (in id order, for the rest of the transaction) and reads each with its
     * county's policy: what approvals charge, and re-check the programme's rules against.
     */
    static Map<UUID, LockedFund> lockFunds(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, LockedFund> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT f.id, f.county_code, f.year, f.kind, f.budget, f.approved, f.version,
                       p.hardship_relief_min, p.hardship_relief_max, p.living_subsidy_min, p.living_subsidy_max,
                       p.living_subsidy_age, p.special_relief_floor, p.startup_support_max, p.veteran_years, p.version
                FROM fund f LEFT JOIN county_policy p ON p.county_code = f.county_code
                WHERE f.id = ANY (?) ORDER BY f.id FOR NO KEY UPDATE OF f""")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Fund fund = fund(row, 1);
                    locked.put(fund.id, new LockedFund(fund, policy(row, 8, fund.countyCode)));
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
                "SELECT " + MEMBER_COLUMNS + " FROM member_replica m WHERE m.id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    MemberReplica member = member(row, 1, null);
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
        try (PreparedStatement query = connection.prepareStatement("SELECT " + MEMBER_COLUMNS
                + " FROM (VALUES (1)) AS one LEFT JOIN member_replica m ON m.id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                MemberReplica member = member(row, 1, id);
                if (!scope.covers(member.countyCode)) {
                    throw MemberReplica.unknown(id);
                }
                return member;
            }
        }
    }

    private static MemberReplica member(ResultSet row, int from, UUID id) throws SQLException {
        if (row.getObject(from) == null) {
            throw MemberReplica.unknown(id);
        }
        MemberReplica member = new MemberReplica();
        member.id = row.getObject(from, UUID.class);
        member.countyCode = row.getString(from + 1);
        member.birthDate = row.getObject(from + 2, java.time.LocalDate.class);
        member.joinedPartyOn = row.getObject(from + 3, java.time.LocalDate.class);
        member.laborCapacity = row.getString(from + 4);
        member.annualIncome = row.getBigDecimal(from + 5);
        member.notableContribution = row.getBoolean(from + 6);
        member.hardshipStatus = row.getString(from + 7);
        member.registrationStatus = row.getString(from + 8);
        member.version = row.getLong(from + 9);
        return member;
    }
}
