package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.AssistanceKind;
import org.memberaid.relief.domain.AssistanceRecord;
import org.memberaid.relief.domain.HelperType;

/** The assistance_record table's one mapping: its columns, read by name, and its row as written. */
final class AssistanceRows {

    private static final List<String> COLUMNS = List.of("id", "member_id", "county_code", "kind", "provided_on",
            "skills", "employer", "project_name", "helper_id", "helper_name", "helper_type", "note", "recorded_by",
            "created_at");

    private AssistanceRows() {
    }

    /** The record's columns for a select list: {@code a.id AS a_id, …} for alias {@code a} and prefix {@code a_}. */
    static String columns(String tableAlias, String prefix) {
        return Columns.aliased(tableAlias, prefix, COLUMNS);
    }

    /** The record of a row selected with {@link #columns}; null when the row has none (an outer join found none). */
    static AssistanceRecord read(ResultSet row, String prefix) throws SQLException {
        UUID id = row.getObject(prefix + "id", UUID.class);
        if (id == null) {
            return null;
        }
        AssistanceRecord r = new AssistanceRecord();
        r.id = id;
        r.memberId = row.getObject(prefix + "member_id", UUID.class);
        r.countyCode = row.getString(prefix + "county_code");
        r.kind = AssistanceKind.valueOf(row.getString(prefix + "kind"));
        r.providedOn = row.getObject(prefix + "provided_on", LocalDate.class);
        r.skills = row.getString(prefix + "skills");
        r.employer = row.getString(prefix + "employer");
        r.projectName = row.getString(prefix + "project_name");
        r.helperId = row.getString(prefix + "helper_id");
        r.helperName = row.getString(prefix + "helper_name");
        String helperType = row.getString(prefix + "helper_type");
        r.helperType = helperType == null ? null : HelperType.valueOf(helperType);
        r.note = row.getString(prefix + "note");
        r.recordedBy = row.getString(prefix + "recorded_by");
        r.createdAt = Columns.instant(row, prefix + "created_at");
        return r;
    }

    /** The assistance record with {@code id}, or null. */
    static AssistanceRecord find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + columns("a", "") + " FROM assistance_record a WHERE a.id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? read(row, "") : null;
            }
        }
    }

    static void insert(StatementPipeline writes, AssistanceRecord r) {
        writes.add("""
                INSERT INTO assistance_record (id, member_id, county_code, kind, provided_on, skills, employer,
                    project_name, helper_id, helper_name, helper_type, note, recorded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id, r.memberId, r.countyCode, r.kind.name(),
                r.providedOn, r.skills, r.employer, r.projectName, r.helperId, r.helperName,
                r.helperType == null ? null : r.helperType.name(), r.note, r.recordedBy, Timestamp.from(r.createdAt));
    }
}
