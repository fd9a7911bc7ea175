package org.memberaid.members.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.HardshipCausesConverter;
import org.memberaid.members.domain.Member;

/**
 * New members and their first assessments in plain SQL, one statement for many rows (arrays
 * unnested): the census import writes a thousand members at once, {@link RegistrationWriter} the
 * registrations that arrived together.
 */
final class MemberRows {

    private static final HardshipCausesConverter CAUSES = new HardshipCausesConverter();

    private static final String COLUMNS = """
            id, national_id, name, gender, birth_date, ethnicity, phone, county_code, township, village, party_branch,
            joined_party_on, education, labor_capacity, annual_income, notable_contribution, hardship_status,
            hardship_causes, registration_status, registered_on, version, created_at, updated_at, bank_account,
            account_holder""";

    /** The columns from national_id to annual_income, in {@link #COLUMNS}' order, written as text. */
    private static final List<Function<Member, Object>> TEXT_COLUMNS = List.of(m -> m.nationalId, m -> m.name,
            m -> m.gender, m -> m.birthDate, m -> m.ethnicity, m -> m.phone, m -> m.countyCode, m -> m.township,
            m -> m.village, m -> m.partyBranch, m -> m.joinedPartyOn, m -> m.education, m -> m.laborCapacity,
            m -> m.annualIncome);

    private MemberRows() {
    }

    /**
     * Adds the members with one statement; a member whose national ID is registered already (before,
     * or earlier in the list) is skipped, not failed. Returns the ids of the members added.
     */
    static Set<UUID> insert(Connection connection, List<Member> members) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO member (" + COLUMNS + """
                )
                SELECT id, national_id, name, gender, birth_date::date, ethnicity, phone, county_code, township,
                    village, party_branch, joined_party_on::date, education, labor_capacity, annual_income::numeric,
                    notable_contribution, hardship_status, hardship_causes, 'ACTIVE', registered_on::date, 1,
                    created_at, created_at, bank_account, account_holder
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                    ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                    AS row(id, national_id, name, gender, birth_date, ethnicity, phone, county_code, township, village,
                        party_branch, joined_party_on, education, labor_capacity, annual_income, notable_contribution,
                        hardship_status, hardship_causes, registered_on, created_at, bank_account, account_holder)
                ON CONFLICT (national_id) DO NOTHING
                RETURNING id""")) {
            insert.setArray(1, connection.createArrayOf("uuid", members.stream().map(m -> m.id).toArray()));
            int index = 2;
            for (Function<Member, Object> column : TEXT_COLUMNS) {
                insert.setArray(index++, connection.createArrayOf("text",
                        members.stream().map(column).map(value -> value == null ? null : value.toString()).toArray()));
            }
            insert.setArray(index++, connection.createArrayOf("boolean",
                    members.stream().map(m -> m.notableContribution).toArray()));
            insert.setArray(index++, connection.createArrayOf("text",
                    members.stream().map(m -> m.hardshipStatus.name()).toArray()));
            insert.setArray(index++, connection.createArrayOf("text",
                    members.stream().map(m -> CAUSES.convertToDatabaseColumn(m.hardshipCauses)).toArray()));
            insert.setArray(index++, connection.createArrayOf("text",
                    members.stream().map(m -> m.registeredOn.toString()).toArray()));
            // A new member was last updated when it was created.
            insert.setArray(index++, connection.createArrayOf("text",
                    members.stream().map(m -> m.createdAt.toString()).toArray()));
            // Payee details in the same statement: a registration without them costs no extra one.
            insert.setArray(index++, connection.createArrayOf("text", members.stream().map(m -> m.bankAccount).toArray()));
            insert.setArray(index, connection.createArrayOf("text", members.stream().map(m -> m.accountHolder).toArray()));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    /** The member holding each of the national IDs that is registered (bpchar, like the column, so the index serves it). */
    /** The member holding a national ID, and the county it is registered in. */
    record Holder(UUID id, String countyCode) {
    }

    static Map<String, Holder> registeredIds(Connection connection, List<String> nationalIds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT national_id, id, county_code FROM member WHERE national_id = ANY (?::bpchar[])")) {
            query.setArray(1, connection.createArrayOf("text", nationalIds.toArray()));
            Map<String, Holder> holders = new HashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    holders.put(result.getString(1).strip(),
                            new Holder(result.getObject(2, UUID.class), result.getString(3).strip()));
                }
            }
            return holders;
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
