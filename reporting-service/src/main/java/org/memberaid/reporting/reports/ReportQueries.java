package org.memberaid.reporting.reports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.Figure;
import org.memberaid.reporting.domain.Measure;
import org.memberaid.reporting.domain.Region;

/**
 * The queries behind the reports, on a connection whose search path names the active projection.
 * Figures are summed (and values counted distinctly) per county, per month or over a whole set
 * of counties; a {@code null} county set means all counties.
 */
final class ReportQueries {

    /** What the rows are grouped by; each key is returned as text. */
    enum Grouping {
        COUNTY("county_code"),
        MONTH("EXTRACT(MONTH FROM month)::int::text"),
        ALL("''");

        private final String expression;

        Grouping(String expression) {
            this.expression = expression;
        }
    }

    private ReportQueries() {
    }

    static List<Region> regions(Connection connection) throws SQLException {
        List<Region> regions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT code, name_zh, name_en, parent_code, level FROM public.region");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                regions.add(new Region(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
            }
        }
        return regions;
    }

    /** Whether any event named a county (it may be missing from the reference data). */
    static boolean hasData(Connection connection, String countyCode) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM county_month_figure WHERE county_code = ?)
                    OR EXISTS (SELECT 1 FROM fund_state WHERE county_code = ?)""")) {
            for (int i = 1; i <= 2; i++) {
                query.setString(i, countyCode);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * The stock at the end of {@code year} of every county any member event named: the changes of the
     * stock dated in that year and the years before, summed (zero for a county whose members came
     * later; for this year, the stock now, since no change is dated in the future).
     */
    static Map<String, CountyFigures> stockAtEndOf(Connection connection, int year, Collection<String> counties)
            throws SQLException {
        Map<String, Map<Figure, BigDecimal>> changes = grouped(connection, "SELECT county_code, figure, "
                + "SUM(amount) FILTER (WHERE year <= ?) FROM county_year_figure " + where(counties, "figure = ANY (?)")
                + " GROUP BY 1, 2", counties, FIGURES, ResultSet::getBigDecimal, year,
                connection.createArrayOf("varchar", Figure.STOCK.stream().map(Figure::name).toArray()));
        Map<String, CountyFigures> stock = new HashMap<>();
        changes.forEach((county, figures) -> stock.put(county, CountyFigures.changeIn(figures)));
        return stock;
    }

    /** The stock at the start of {@code day}: every change dated in an earlier month, summed. */
    static CountyFigures stockBefore(Connection connection, LocalDate day, Collection<String> counties)
            throws SQLException {
        Map<String, Map<Figure, BigDecimal>> sums = flows(connection, LocalDate.of(1, 1, 1), day, Grouping.ALL, counties);
        return CountyFigures.changeIn(sums.getOrDefault("", Map.of()));
    }

    /** The additive figures of the months in [from, to), summed per group. */
    static Map<String, Map<Figure, BigDecimal>> flows(Connection connection, LocalDate from, LocalDate to,
            Grouping grouping, Collection<String> counties) throws SQLException {
        return grouped(connection, "SELECT " + grouping.expression + ", figure, SUM(amount) FROM county_month_figure "
                + where(counties, "month >= ? AND month < ?") + " GROUP BY 1, 2", counties, FIGURES,
                ResultSet::getBigDecimal, Date.valueOf(from), Date.valueOf(to));
    }

    /** How many distinct values each measure has over the months in [from, to), per group. */
    static Map<String, Map<Measure, Long>> distinct(Connection connection, LocalDate from, LocalDate to,
            Grouping grouping, Collection<String> counties) throws SQLException {
        return grouped(connection, "SELECT " + grouping.expression + ", measure, COUNT(DISTINCT value) FROM distinct_value "
                + where(counties, "month >= ? AND month < ? AND weight > 0") + " GROUP BY 1, 2", counties, MEASURES,
                ResultSet::getLong, Date.valueOf(from), Date.valueOf(to));
    }

    /** A year's additive figures, per county or ({@code perCounty} false) summed over the counties. */
    static Map<String, Map<Figure, BigDecimal>> yearFlows(Connection connection, int year, boolean perCounty,
            Collection<String> counties) throws SQLException {
        return grouped(connection, "SELECT " + groupOf(perCounty) + ", figure, SUM(amount) FROM county_year_figure "
                + where(counties, "year = ?") + " GROUP BY 1, 2", counties, FIGURES, ResultSet::getBigDecimal, year);
    }

    /**
     * A year's distinct counts: per county as kept, or ({@code perCounty} false) recounted over
     * the counties, since a member can count in two counties of one region.
     */
    static Map<String, Map<Measure, Long>> yearDistinct(Connection connection, int year, boolean perCounty,
            Collection<String> counties) throws SQLException {
        String sql = perCounty
                ? "SELECT county_code, measure, present FROM county_year_distinct " + where(counties, "year = ?")
                : "SELECT '', measure, COUNT(DISTINCT value) FROM distinct_year_value "
                        + where(counties, "year = ? AND weight > 0") + " GROUP BY 1, 2";
        return grouped(connection, sql, counties, MEASURES, ResultSet::getLong, year);
    }

    /** Budgets of a year's funds by fund kind, per county or ({@code perCounty} false) over all of them. */
    static Map<String, Map<String, BigDecimal>> budgets(Connection connection, int year, boolean perCounty,
            Collection<String> counties) throws SQLException {
        return grouped(connection, "SELECT " + groupOf(perCounty) + ", kind, SUM(budget) FROM fund_state "
                + where(counties, "year = ?") + " GROUP BY 1, 2", counties, new Keys<>(kind -> kind, HashMap::new),
                ResultSet::getBigDecimal, year);
    }

    /** How the second column of a grouped query becomes a key, and the map a group's keys go in. */
    private record Keys<K, V>(Function<String, K> parse, Supplier<Map<K, V>> newGroup) {
    }

    /** Reads one value of a row. */
    @FunctionalInterface
    private interface Cell<V> {
        V read(ResultSet row, int column) throws SQLException;
    }

    private static final Keys<Figure, BigDecimal> FIGURES =
            new Keys<>(Figure::valueOf, () -> new EnumMap<>(Figure.class));
    private static final Keys<Measure, Long> MEASURES =
            new Keys<>(Measure::valueOf, () -> new EnumMap<>(Measure.class));

    /**
     * Runs a query whose rows are (group, key, value) with {@code parameters} and then the county
     * filter bound in order, and collects group → key → value.
     */
    private static <K, V> Map<String, Map<K, V>> grouped(Connection connection, String sql, Collection<String> counties,
            Keys<K, V> keys, Cell<V> value, Object... parameters) throws SQLException {
        Map<String, Map<K, V>> groups = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            bindCounties(connection, query, parameters.length + 1, counties);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getString(1), group -> keys.newGroup().get())
                            .put(keys.parse().apply(rows.getString(2)), value.read(rows, 3));
                }
            }
        }
        return groups;
    }

    private static String groupOf(boolean perCounty) {
        return (perCounty ? Grouping.COUNTY : Grouping.ALL).expression;
    }

    /** The time of the newest event applied to the projection; null before the first. */
    static Instant asOf(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(newest_event_time) FROM consumed_offset");
                ResultSet row = query.executeQuery()) {
            row.next();
            Timestamp newest = row.getTimestamp(1);
            return newest == null ? null : newest.toInstant();
        }
    }

    private static String where(Collection<String> counties, String condition) {
        return "WHERE " + condition + (counties == null ? "" : " AND county_code = ANY (?)");
    }

    private static void bindCounties(Connection connection, PreparedStatement query, int index,
            Collection<String> counties) throws SQLException {
        if (counties != null) {
            query.setArray(index, connection.createArrayOf("text", counties.toArray()));
        }
    }
}
