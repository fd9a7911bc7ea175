package org.memberaid.members.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.database.StatementPipeline;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.HardshipCausesConverter;
import org.memberaid.members.domain.Member;

/**
 * New members and their first assessments in plain SQL, over one column list: the census import
 * writes a thousand members with one statement, a registration one member with plain parameters.
 */
final class MemberRows {

    private static final HardshipCausesConverter CAUSES = new HardshipCausesConverter();

    private static final String COLUMNS = """
            id, national_id, name, gender, birth_date, ethnicity, phone, county_code, township, village, party_branch,
            joined_party_on, education, labor_capacity, annual_income, notable_contribution, hardship_status,
            hardship_causes, registration_status, registered_on, version, created_at, updated_at""";

    /** The columns from national_id to annual_income, in {@link #COLUMNS}' order, written as text. */
    private static final List<Function<Member, Object>> TEXT_COLUMNS = List.of(m -> m.nationalId, m -> m.name,
            m -> m.gender, m -> m.birthDate, m -> m.ethnicity, m -> m.phone, m -> m.countyCode, m -> m.township,
            m -> m.village, m -> m.partyBranch, m -> m.joinedPartyOn, m -> m.education, m -> m.laborCapacity,
            m -> m.annualIncome);

    private MemberRows() {
    }

    /**
     * Adds one new member (a registration) to {@code writes}; its update count is 0, and nothing is
     * written, when the national ID is registered already.
     */
    static void insert(StatementPipeline writes, Member member) {
        List<Object> values = new ArrayList<>();
        values.add(member.id);
        TEXT_COLUMNS.forEach(column -> {
            Object value = column.apply(member);
            values.add(value == null ? null : value.toString());
        });
        values.addAll(List.of(member.notableContribution, member.hardshipStatus.name(),
                CAUSES.convertToDatabaseColumn(member.hardshipCauses), member.registeredOn.toString(),
                Timestamp.from(member.createdAt), Timestamp.from(member.updatedAt)));
        writes.add("INSERT INTO member (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?, ?::date, ?, ?, ?::numeric, ?, ?, ?, 'ACTIVE', ?::date, 1, ?, ?)
                ON CONFLICT (national_id) DO NOTHING""", values.toArray());
    }

    /** One statement per chunk (the import); rows whose national ID is registered already are skipped, not failed. */
    static Set<UUID> insert(Connection connection, List<Member> members) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO member (" + COLUMNS + """
                )
                SELECT id, national_id, name, gender, birth_date::date, ethnicity, phone, county_code, township,
                    village, party_branch, joined_party_on::date, education, labor_capacity, annual_income::numeric,
                    notable_contribution, hardship_status, hardship_causes, 'ACTIVE', ?::date, 1, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                    ?::text[], ?::text[])
                    AS row(id, national_id, name, gender, birth_date, ethnicity, phone, county_code, township, village,
                        party_branch, joined_party_on, education, labor_capacity, annual_income, notable_contribution,
                        hardship_status, hardship_causes)
                ON CONFLICT (national_id) DO NOTHING
                RETURNING id""")) {
            Member first = members.get(0);
            insert.setString(1, first.registeredOn.toString());
            insert.setTimestamp(2, Timestamp.from(first.createdAt));
            insert.setTimestamp(3, Timestamp.from(first.updatedAt));
            insert.setArray(4, connection.createArrayOf("uuid", members.stream().map(m -> m.id).toArray()));
            int index = 5;
            for (Function<Member, Object> column : TEXT_COLUMNS) {
                insert.setArray(index++, connection.createArrayOf("text",
                        members.stream().map(column).map(value -> value == null ? null : value.toString()).toArray()));
            }
            insert.setArray(index++, connection.createArrayOf("boolean",
                    members.stream().map(m -> m.notableContribution).toArray()));
            insert.setArray(index++, connection.createArrayOf("text",
                    members.stream().map(m -> m.hardshipStatus.name()).toArray()));
            insert.setArray(index, connection.createArrayOf("text",
                    members.stream().map(m -> CAUSES.convertToDatabaseColumn(m.hardshipCauses)).toArray()));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    static Map<String, UUID> registeredIds(Connection connection, List<String> nationalIds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT national_id, id FROM member WHERE national_id = ANY (?::text[])")) {
            query.setArray(1, connection.createArrayOf("text", nationalIds.toArray()));
            Map<String, UUID> ids = new HashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.put(result.getString(1).strip(), result.getObject(2, UUID.class));
                }
            }
            return ids;
        }
    }

    static void insertAssessments(Connection connection, List<HardshipAssessment> assessments) throws SQLException {
        if (assessments.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO hardship_assessment (id, member_id, status, causes, assessed_on, note, member_version, recorded_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[], ?::bigint[],
                    ?::timestamptz[])""")) {
            insert.setArray(1, connection.createArrayOf("uuid", assessments.stream().map(a -> a.id).toArray()));
            insert.setArray(2, connection.createArrayOf("uuid", assessments.stream().map(a -> a.memberId).toArray()));
            insert.setArray(3, connection.createArrayOf("text", assessments.stream().map(a -> a.status.name()).toArray()));
            insert.setArray(4, connection.createArrayOf("text",
                    assessments.stream().map(a -> CAUSES.convertToDatabaseColumn(a.causes)).toArray()));
            insert.setArray(5, connection.createArrayOf("text", assessments.stream().map(a -> a.assessedOn.toString()).toArray()));
            insert.setArray(6, connection.createArrayOf("text", assessments.stream().map(a -> a.note).toArray()));
            insert.setArray(7, connection.createArrayOf("int8", assessments.stream().map(a -> a.memberVersion).toArray()));
            insert.setArray(8, connection.createArrayOf("text", assessments.stream().map(a -> a.recordedAt.toString()).toArray()));
            insert.executeUpdate();
        }
    }
}
