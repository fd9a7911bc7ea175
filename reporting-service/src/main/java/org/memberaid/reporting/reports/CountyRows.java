package org.memberaid.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.Figure;
import org.memberaid.reporting.domain.Measure;
import org.memberaid.reporting.domain.PeriodFigures;
import org.memberaid.reporting.domain.Region;
import org.memberaid.reporting.projection.ProjectionReads;

/** The county rows of a year, read from the active projection: all of them, some, or one. */
@ApplicationScoped
public class CountyRows {

    @Inject
    ProjectionReads reads;

    @Inject
    ReferenceRegions regions;

    /** One county's row, unless neither the reference data nor any event knows it. */
    public Optional<Fresh<CountyRow>> county(String code, int year) {
        return reads.read(connection -> {
            CountyRow row = rows(connection, year, List.of(code)).get(code);
            return row == null ? Optional.empty() : Optional.of(new Fresh<>(ReportQueries.asOf(connection), row));
        });
    }

    /** Every county's row for a year. */
    CountyTable table(Connection connection, int year) throws SQLException {
        return new CountyTable(year, ReportQueries.asOf(connection), rows(connection, year, null).values());
    }

    /** The table with the rows of the changed counties read again (and any new county added). */
    CountyTable refresh(Connection connection, CountyTable previous, Set<String> changed) throws SQLException {
        Map<String, CountyRow> rows = new TreeMap<>();
        previous.rows().forEach(row -> rows.put(row.countyCode(), row));
        if (!changed.isEmpty()) {
            rows.putAll(rows(connection, previous.year(), changed));
        }
        return new CountyTable(previous.year(), ReportQueries.asOf(connection), rows.values());
    }

    /**
     * The rows of some counties (null: all) for a year, by code: each seeded county asked for,
     * zeros included, and every county the events named.
     */
    private Map<String, CountyRow> rows(Connection connection, int year, Collection<String> counties)
            throws SQLException {
        Map<String, Region> all = regions.byCode(connection);
        Map<String, CountyFigures> stock = ReportQueries.stockAtEndOf(connection, year, counties);
        Map<String, Map<Figure, BigDecimal>> flows = ReportQueries.yearFlows(connection, year, true, counties);
        Map<String, Map<Measure, Long>> distinct = ReportQueries.yearDistinct(connection, year, true, counties);
        Map<String, Map<String, BigDecimal>> budgets = ReportQueries.budgets(connection, year, true, counties);
        Set<String> codes = new TreeSet<>(stock.keySet());
        codes.addAll(flows.keySet());
        codes.addAll(budgets.keySet());
        all.values().stream().filter(Region::isCounty)
                .filter(region -> counties == null || counties.contains(region.code()))
                .forEach(region -> codes.add(region.code()));
        Map<String, CountyRow> rows = new TreeMap<>();
        for (String code : codes) {
            Region region = all.get(code);
            rows.put(code, new CountyRow(code, region == null ? null : region.nameZh(),
                    region == null ? null : region.nameEn(), stock.getOrDefault(code, CountyFigures.ZERO),
                    PeriodFigures.of(flows.getOrDefault(code, Map.of()), distinct.getOrDefault(code, Map.of()),
                            budgets.getOrDefault(code, Map.of()))));
        }
        return rows;
    }
}
