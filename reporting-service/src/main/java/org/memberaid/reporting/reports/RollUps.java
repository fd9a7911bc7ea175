package org.memberaid.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.Figure;
import org.memberaid.reporting.domain.Measure;
import org.memberaid.reporting.domain.PeriodFigures;
import org.memberaid.reporting.domain.Region;
import org.memberaid.reporting.projection.ProjectionReads;
import org.memberaid.reporting.reports.ReportQueries.Grouping;

/**
 * The figures of a region over the counties below it, for a year or month by month: counts and
 * money are summed, distinct counts recounted over the whole set, and ratios recomputed from the
 * sums, never averaged. Read from the active projection per request.
 */
@ApplicationScoped
public class RollUps {

    @Inject
    ProjectionReads reads;

    @Inject
    ReferenceRegions regions;

    public Optional<Fresh<RegionRow>> region(String code, int year) {
        return reads.read(connection -> {
            Map<String, Region> all = regions.byCode(connection);
            Region region = all.get(code);
            if (region == null) {
                return Optional.empty();
            }
            List<String> counties = ReferenceRegions.countiesWithin(code, all);
            CountyFigures stock = ReportQueries.stockAtEndOf(connection, year, counties).values().stream()
                    .reduce(CountyFigures.ZERO, CountyFigures::plus);
            PeriodFigures period = PeriodFigures.of(
                    ReportQueries.yearFlows(connection, year, false, counties).getOrDefault("", Map.of()),
                    ReportQueries.yearDistinct(connection, year, false, counties).getOrDefault("", Map.of()),
                    ReportQueries.budgets(connection, year, false, counties).getOrDefault("", Map.of()));
            return Optional.of(new Fresh<>(ReportQueries.asOf(connection),
                    new RegionRow(region, counties.size(), stock, period)));
        });
    }

    /**
     * The twelve months of a year for a region (or a county): the month-end stock, from the dated
     * history of every member change, and what happened in each month. The year's budget is
     * shown on every month, so a month's utilisation is the share of the year's budget it used.
     */
    public Optional<Fresh<Monthly>> monthly(String code, int year) {
        return reads.read(connection -> {
            Map<String, Region> all = regions.byCode(connection);
            List<String> counties;
            if (all.containsKey(code)) {
                counties = ReferenceRegions.countiesWithin(code, all);
            } else if (ReportQueries.hasData(connection, code)) {
                counties = List.of(code);
            } else {
                return Optional.empty();
            }
            LocalDate start = LocalDate.of(year, 1, 1);
            CountyFigures stock = ReportQueries.stockBefore(connection, start, counties);
            Map<String, Map<Figure, BigDecimal>> flows =
                    ReportQueries.flows(connection, start, start.plusYears(1), Grouping.MONTH, counties);
            Map<String, Map<Measure, Long>> distinct =
                    ReportQueries.distinct(connection, start, start.plusYears(1), Grouping.MONTH, counties);
            Map<String, BigDecimal> budgets =
                    ReportQueries.budgets(connection, year, false, counties).getOrDefault("", Map.of());
            List<Monthly.Month> months = new ArrayList<>(12);
            for (int month = 1; month <= 12; month++) {
                Map<Figure, BigDecimal> monthFlows = flows.getOrDefault(Integer.toString(month), Map.of());
                stock = stock.plus(CountyFigures.changeIn(monthFlows));
                months.add(new Monthly.Month(month, stock, PeriodFigures.of(monthFlows,
                        distinct.getOrDefault(Integer.toString(month), Map.of()), budgets)));
            }
            return Optional.of(new Fresh<>(ReportQueries.asOf(connection), new Monthly(all.get(code), months)));
        });
    }
}
