package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.CountyPolicy;
import org.memberaid.relief.domain.StoredCountyPolicy;

/**
 * The county_policy table's one mapping: its columns, read by name, and its row as written. A
 * county without a row follows {@link CountyPolicy#defaults}.
 */
final class PolicyRows {

    private static final List<String> COLUMNS = List.of("county_code", "hardship_relief_min", "hardship_relief_max",
            "living_subsidy_min", "living_subsidy_max", "living_subsidy_age", "special_relief_floor",
            "startup_support_max", "veteran_years", "version", "updated_at");

    private PolicyRows() {
    }

    /** The policy's columns for a select list: {@code p.county_code AS p_county_code, …} for alias {@code p}, prefix {@code p_}. */
    static String columns(String tableAlias, String prefix) {
        return Columns.aliased(tableAlias, prefix, COLUMNS);
    }

    /** The stored policy of a row selected with {@link #columns}; null when the county has none. */
    static StoredCountyPolicy read(ResultSet row, String prefix) throws SQLException {
        String countyCode = row.getString(prefix + "county_code");
        if (countyCode == null) {
            return null;
        }
        StoredCountyPolicy stored = new StoredCountyPolicy();
        stored.countyCode = countyCode;
        stored.hardshipReliefMin = row.getBigDecimal(prefix + "hardship_relief_min");
        stored.hardshipReliefMax = row.getBigDecimal(prefix + "hardship_relief_max");
        stored.livingSubsidyMin = row.getBigDecimal(prefix + "living_subsidy_min");
        stored.livingSubsidyMax = row.getBigDecimal(prefix + "living_subsidy_max");
        stored.livingSubsidyAge = row.getInt(prefix + "living_subsidy_age");
        stored.specialReliefFloor = row.getBigDecimal(prefix + "special_relief_floor");
        stored.startupSupportMax = row.getBigDecimal(prefix + "startup_support_max");
        stored.veteranYears = row.getInt(prefix + "veteran_years");
        stored.version = row.getLong(prefix + "version");
        stored.updatedAt = Columns.instant(row, prefix + "updated_at");
        return stored;
    }

    /** The rules of {@code countyCode} from a row selected with {@link #columns}: its own, or the defaults. */
    static CountyPolicy policy(ResultSet row, String prefix, String countyCode) throws SQLException {
        StoredCountyPolicy stored = read(row, prefix);
        return stored == null ? CountyPolicy.defaults(countyCode) : stored.toPolicy();
    }

    /** The county's stored policy, or null. */
    static StoredCountyPolicy find(Connection connection, String countyCode) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + columns("p", "") + " FROM county_policy p WHERE p.county_code = ?")) {
            query.setString(1, countyCode);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? read(row, "") : null;
            }
        }
    }

    /** Writes a county's first policy; false when another transaction wrote one first. */
    static boolean insert(Connection connection, StoredCountyPolicy p) throws SQLException {
        return new StatementPipeline().add("""
                INSERT INTO county_policy (county_code, hardship_relief_min, hardship_relief_max, living_subsidy_min,
                    living_subsidy_max, living_subsidy_age, special_relief_floor, startup_support_max, veteran_years,
                    version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (county_code) DO NOTHING""", p.countyCode, p.hardshipReliefMin, p.hardshipReliefMax,
                p.livingSubsidyMin, p.livingSubsidyMax, p.livingSubsidyAge, p.specialReliefFloor, p.startupSupportMax,
                p.veteranYears, p.version, Timestamp.from(p.updatedAt)).execute(connection)[0] == 1;
    }

    /**
     * Writes a county's changed policy, with its new version, over the version it was read at;
     * false when that is no longer the current one (another change came first).
     */
    static boolean update(Connection connection, StoredCountyPolicy p, long readVersion) throws SQLException {
        return new StatementPipeline().add("""
                UPDATE county_policy SET hardship_relief_min = ?, hardship_relief_max = ?, living_subsidy_min = ?,
                    living_subsidy_max = ?, living_subsidy_age = ?, special_relief_floor = ?, startup_support_max = ?,
                    veteran_years = ?, version = ?, updated_at = ?
                WHERE county_code = ? AND version = ?""", p.hardshipReliefMin, p.hardshipReliefMax,
                p.livingSubsidyMin, p.livingSubsidyMax, p.livingSubsidyAge, p.specialReliefFloor, p.startupSupportMax,
                p.veteranYears, p.version, Timestamp.from(p.updatedAt), p.countyCode, readVersion)
                .execute(connection)[0] == 1;
    }
}
