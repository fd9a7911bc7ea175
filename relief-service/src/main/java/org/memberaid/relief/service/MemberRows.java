package org.memberaid.relief.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.memberaid.relief.domain.MemberReplica;

/**
 * The member_replica table's one mapping for reading: its columns, read by name. (Its rows are
 * written by {@code MemberReplicaConsumer}, from the members' events.)
 */
final class MemberRows {

    private static final List<String> COLUMNS = List.of("id", "county_code", "birth_date", "joined_party_on",
            "labor_capacity", "annual_income", "notable_contribution", "hardship_status", "registration_status",
            "version");

    private MemberRows() {
    }

    /** The member's columns for a select list: {@code m.id AS m_id, …} for alias {@code m} and prefix {@code m_}. */
    static String columns(String tableAlias, String prefix) {
        return Columns.aliased(tableAlias, prefix, COLUMNS);
    }

    /** The member of a row selected with {@link #columns}; null when the row has none (an outer join found none). */
    static MemberReplica read(ResultSet row, String prefix) throws SQLException {
        UUID id = row.getObject(prefix + "id", UUID.class);
        if (id == null) {
            return null;
        }
        MemberReplica member = new MemberReplica();
        member.id = id;
        member.countyCode = row.getString(prefix + "county_code");
        member.birthDate = row.getObject(prefix + "birth_date", LocalDate.class);
        member.joinedPartyOn = row.getObject(prefix + "joined_party_on", LocalDate.class);
        member.laborCapacity = row.getString(prefix + "labor_capacity");
        member.annualIncome = row.getBigDecimal(prefix + "annual_income");
        member.notableContribution = row.getBoolean(prefix + "notable_contribution");
        member.hardshipStatus = row.getString(prefix + "hardship_status");
        member.registrationStatus = row.getString(prefix + "registration_status");
        member.version = row.getLong(prefix + "version");
        return member;
    }
}
