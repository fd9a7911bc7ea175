package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.FundKind;
import org.memberaid.relief.domain.FundLedger;

/** The fund table's one mapping: its columns, read by name, and its row as written. */
final class FundRows {

    private static final List<String> COLUMNS = List.of("id", "county_code", "year", "kind", "budget", "approved",
            "version", "created_at", "updated_at");

    private FundRows() {
    }

    /** The fund's columns for a select list: {@code f.id AS f_id, …} for alias {@code f} and prefix {@code f_}. */
    static String columns(String tableAlias, String prefix) {
        return Columns.aliased(tableAlias, prefix, COLUMNS);
    }

    /** The fund of a row selected with {@link #columns}; null when the row has none (an outer join found none). */
    static Fund read(ResultSet row, String prefix) throws SQLException {
        UUID id = row.getObject(prefix + "id", UUID.class);
        if (id == null) {
            return null;
        }
        Fund fund = new Fund();
        fund.id = id;
        fund.countyCode = row.getString(prefix + "county_code");
        fund.year = row.getInt(prefix + "year");
        fund.kind = FundKind.valueOf(row.getString(prefix + "kind"));
        fund.budget = row.getBigDecimal(prefix + "budget");
        fund.approved = row.getBigDecimal(prefix + "approved");
        fund.version = row.getLong(prefix + "version");
        fund.createdAt = Columns.instant(row, prefix + "created_at");
        fund.updatedAt = Columns.instant(row, prefix + "updated_at");
        return fund;
    }

    /** The fund with {@code id}, or null. */
    static Fund find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + columns("f", "") + " FROM fund f WHERE f.id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? read(row, "") : null;
            }
        }
    }

    /** The county's fund of {@code kind} for {@code year}, or null. */
    static Fund find(Connection connection, String countyCode, int year, FundKind kind) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + columns("f", "")
                + " FROM fund f WHERE f.county_code = ? AND f.year = ? AND f.kind = ?")) {
            query.setString(1, countyCode);
            query.setInt(2, year);
            query.setString(3, kind.name());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? read(row, "") : null;
            }
        }
    }

    static void insert(StatementPipeline writes, Fund fund) {
        writes.add("""
                INSERT INTO fund (id, county_code, year, kind, budget, approved, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", fund.id, fund.countyCode, fund.year, fund.kind.name(),
                fund.budget, fund.approved, fund.version, Timestamp.from(fund.createdAt),
                Timestamp.from(fund.updatedAt));
    }

    /** Writes the fund's budget as its next version (which it takes). */
    static void updateBudget(StatementPipeline writes, Fund fund) {
        fund.version = fund.version + 1;
        writes.add("UPDATE fund SET budget = ?, version = ?, updated_at = ? WHERE id = ?", fund.budget, fund.version,
                Timestamp.from(fund.updatedAt), fund.id);
    }

    /**
     * Adds the ledger's movements to {@code writes}, last, one conditional UPDATE per fund in fund
     * id order; returns how many. The condition repeats the ledger's budget rule in the database,
     * so a fund row changed behind the ledger's back fails the transaction instead of overspending.
     */
    static int move(StatementPipeline writes, FundLedger ledger) {
        ledger.movements().forEach((fund, amount) -> writes.add("""
                UPDATE fund SET approved = approved + ?, version = version + 1, updated_at = now()
                WHERE id = ? AND approved + ? <= budget""", amount, fund, amount));
        return ledger.movements().size();
    }

    /** Fails the transaction unless each of the last {@code moved} statements (the fund moves) updated its fund. */
    static void requireMoved(int[] counts, int moved) {
        for (int i = counts.length - moved; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new IllegalStateException("A fund's budget no longer covers what its locked row allowed");
            }
        }
    }
}
