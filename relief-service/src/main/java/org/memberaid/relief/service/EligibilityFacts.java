package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
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
 * year. Read in one round trip, in the request's transaction.
 */
record EligibilityFacts(MemberReplica member, Fund fund, CountyPolicy policy, boolean livingSubsidyThisYear) {

    private static final String MEMBER_COLUMNS = """
            m.id, m.county_code, m.birth_date, m.joined_party_on, m.labor_capacity, m.annual_income,
            m.notable_contribution, m.hardship_status, m.registration_status, m.version""";

    static EligibilityFacts read(Connection connection, DisbursementRequest request) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + MEMBER_COLUMNS + """
                , f.id, f.county_code, f.year, f.kind, f.budget, f.approved, f.version,
                  p.hardship_relief_min, p.hardship_relief_max, p.living_subsidy_min, p.living_subsidy_max,
                  p.living_subsidy_age, p.special_relief_floor, p.startup_support_max, p.veteran_years, p.version,
                  ? AND EXISTS (SELECT 1 FROM disbursement d WHERE d.member_id = m.id AND d.kind = 'LIVING_SUBSIDY'
                                AND d.year = ? AND d.status IN ('REQUESTED', 'APPROVED'))
                FROM (VALUES (1)) AS one
                LEFT JOIN member_replica m ON m.id = ?
                LEFT JOIN fund f ON f.id = ?
                LEFT JOIN county_policy p ON p.county_code = f.county_code""")) {
            query.setBoolean(1, request.kind() == DisbursementKind.LIVING_SUBSIDY);
            query.setInt(2, request.disbursedOn().getYear());
            query.setObject(3, request.memberId());
            query.setObject(4, request.fundId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                MemberReplica member = member(row, request.memberId());
                if (row.getObject(11) == null) {
                    throw new RuleViolationException("fund-unknown", "No fund with id " + request.fundId());
                }
                Fund fund = new Fund();
                fund.id = row.getObject(11, UUID.class);
                fund.countyCode = row.getString(12);
                fund.year = row.getInt(13);
                fund.kind = FundKind.valueOf(row.getString(14));
                fund.budget = row.getBigDecimal(15);
                fund.approved = row.getBigDecimal(16);
                fund.version = row.getLong(17);
                CountyPolicy policy = row.getObject(18) == null ? CountyPolicy.defaults(fund.countyCode)
                        : new CountyPolicy(fund.countyCode, row.getBigDecimal(18), row.getBigDecimal(19),
                                row.getBigDecimal(20), row.getBigDecimal(21), row.getInt(22), row.getBigDecimal(23),
                                row.getBigDecimal(24), row.getInt(25), row.getLong(26));
                return new EligibilityFacts(member, fund, policy, row.getBoolean(27));
            }
        }
    }

    /** The member relief knows under {@code id}; a 422 saying so when it does not know it yet. */
    static MemberReplica member(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + MEMBER_COLUMNS
                + " FROM (VALUES (1)) AS one LEFT JOIN member_replica m ON m.id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return member(row, id);
            }
        }
    }

    private static MemberReplica member(ResultSet row, UUID id) throws SQLException {
        if (row.getObject(1) == null) {
            throw MemberReplica.unknown(id);
        }
        MemberReplica member = new MemberReplica();
        member.id = row.getObject(1, UUID.class);
        member.countyCode = row.getString(2);
        member.birthDate = row.getObject(3, java.time.LocalDate.class);
        member.joinedPartyOn = row.getObject(4, java.time.LocalDate.class);
        member.laborCapacity = row.getString(5);
        member.annualIncome = row.getBigDecimal(6);
        member.notableContribution = row.getBoolean(7);
        member.hardshipStatus = row.getString(8);
        member.registrationStatus = row.getString(9);
        member.version = row.getLong(10);
        return member;
    }
}
