package org.memberaid.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.memberaid.access.RegionScope;
import org.memberaid.reporting.config.ReportingConfig;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.Figure;
import org.memberaid.reporting.domain.Measure;
import org.memberaid.reporting.domain.PeriodFigures;
import org.memberaid.reporting.domain.Region;
import org.memberaid.reporting.projection.ProjectionChanges;
import org.memberaid.reporting.projection.ProjectionReads;
import org.memberaid.reporting.service.ReportQueries.Grouping;

/**
 * The figures per county, rolled up to any region above, and month by month: counts and money
 * are summed, distinct counts recounted over the whole set, and ratios recomputed from the sums,
 * never averaged. Each answer carries the time of the newest event it reflects.
 */
@ApplicationScoped
public class Reports {

    /** A value and how fresh the data behind it is. */
    public record Fresh<T>(Instant asOf, T value) {
    }

    /** A county's stock at the end of a year and its figures for that year. */
    public record CountyRow(String countyCode, String nameZh, String nameEn, CountyFigures stock,
            PeriodFigures period) {
    }

    /**
     * Every county's row for a year, as of one moment; it never changes, so what is made of it
     * (a page as JSON, the CSV) is made once and kept with it.
     */
    public record CountyTable(int year, Instant asOf, List<CountyRow> rows, Map<Object, Object> renderings) {

        CountyTable(int year, Instant asOf, List<CountyRow> rows) {
            this(year, asOf, rows, new ConcurrentHashMap<>());
        }

        @SuppressWarnings("unchecked")
        public <T> T rendered(Object key, Function<CountyTable, T> render) {
            return (T) renderings.computeIfAbsent(key, k -> render.apply(this));
        }

        /**
         * The rows of the counties inside {@code scope}, in code order: filtered once per table and
         * region, so a reader's region costs no query and no filtering on the next read.
         */
        public List<CountyRow> rowsWithin(RegionScope scope) {
            return rendered(List.of("rows", scope.prefix()),
                    table -> table.rows().stream().filter(row -> scope.covers(row.countyCode())).toList());
        }
    }

    /** A region's roll-up over the counties below it. */
    public record RegionRow(Region region, int counties, CountyFigures stock, PeriodFigures period) {
    }

    /** One month of a year: the stock at its end and what happened in it. */
    public record MonthRow(int month, CountyFigures monthEnd, PeriodFigures period) {
    }

    /** The months of a region (null for a county missing from the reference data). */
    public record Monthly(Region region, List<MonthRow> months) {
    }

    private record CachedTable(CountyTable table, long version, long loadedAt) {
    }

    @Inject
    ProjectionReads reads;

    @Inject
    ProjectionChanges changes;

    @Inject
    ReportingConfig config;

    private final Map<Integer, CachedTable> tables = new ConcurrentHashMap<>();
    private final Set<Integer> refreshing = ConcurrentHashMap.newKeySet();
    private final Executor refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "county-table-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Region> regions;

    /**
     * Every county for a year: the seeded ones (zeros included) and any other code the events
     * named. Read again after every batch this instance applies; after {@code cache.max-age}
     * without one (another instance may be applying), refreshed in the background while the
     * table in hand is served.
     */
    public CountyTable counties(int year) {
        long seen = changes.version();
        CachedTable cached = tables.get(year);
        if (cached != null && cached.version() == seen) {
            if (expired(cached) && refreshing.add(year)) {
                refresher.execute(() -> {
                    try {
                        load(year, seen);
                    } finally {
                        refreshing.remove(year);
                    }
                });
            }
            return cached.table();
        }
        synchronized (tables) {
            cached = tables.get(year);
            long version = changes.version();
            if (cached != null && cached.version() == version) {
                return cached.table();
            }
            Set<String> changed = cached == null ? null : changes.countiesChangedSince(cached.version());
            if (changed == null) {
                return load(year, version);
            }
            CountyTable previous = cached.table();
            CachedTable refreshed = new CachedTable(reads.read(connection -> refresh(connection, previous, changed)), version,
                    cached.loadedAt());
            tables.put(year, refreshed);
            return refreshed.table();
        }
    }

    private CountyTable load(int year, long version) {
        CachedTable loaded = new CachedTable(reads.read(connection -> loadTable(connection, year)), version, System.nanoTime());
        tables.merge(year, loaded, (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
        return loaded.table();
    }

    /** The table with the rows of the changed counties read again (and any new county added). */
    private CountyTable refresh(Connection connection, CountyTable previous, Set<String> changed) throws SQLException {
        Map<String, CountyRow> rows = new TreeMap<>();
        previous.rows().forEach(row -> rows.put(row.countyCode(), row));
        if (!changed.isEmpty()) {
            rows.putAll(countyRows(connection, previous.year(), changed));
        }
        return new CountyTable(previous.year(), ReportQueries.asOf(connection), List.copyOf(rows.values()));
    }

    public Optional<Fresh<CountyRow>> county(String code, int year) {
        return reads.read(connection -> {
            CountyRow row = countyRows(connection, year, List.of(code)).get(code);
            return row == null ? Optional.empty() : Optional.of(new Fresh<>(ReportQueries.asOf(connection), row));
        });
    }

    public Optional<Fresh<RegionRow>> region(String code, int year) {
        return reads.read(connection -> {
            Map<String, Region> all = regions(connection);
            Region region = all.get(code);
            if (region == null) {
                return Optional.empty();
            }
            List<String> counties = countiesWithin(code, all);
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
            Map<String, Region> all = regions(connection);
            List<String> counties;
            if (all.containsKey(code)) {
                counties = countiesWithin(code, all);
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
            List<MonthRow> months = new ArrayList<>(12);
            for (int month = 1; month <= 12; month++) {
                Map<Figure, BigDecimal> monthFlows = flows.getOrDefault(Integer.toString(month), Map.of());
                stock = stock.plus(CountyFigures.changeIn(monthFlows));
                months.add(new MonthRow(month, stock, PeriodFigures.of(monthFlows,
                        distinct.getOrDefault(Integer.toString(month), Map.of()), budgets)));
            }
            return Optional.of(new Fresh<>(ReportQueries.asOf(connection), new Monthly(all.get(code), months)));
        });
    }

    private CountyTable loadTable(Connection connection, int year) throws SQLException {
        return new CountyTable(year, ReportQueries.asOf(connection),
                List.copyOf(countyRows(connection, year, null).values()));
    }

    /**
     * The rows of some counties (null: all) for a year, by code: each seeded county asked for,
     * zeros included, and every county the events named.
     */
    private Map<String, CountyRow> countyRows(Connection connection, int year, Collection<String> counties)
            throws SQLException {
        Map<String, Region> all = regions(connection);
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
            rows.put(code, row(code, all.get(code), stock, flows, distinct, budgets));
        }
        return rows;
    }

    private static CountyRow row(String code, Region region, Map<String, CountyFigures> stock,
            Map<String, Map<Figure, BigDecimal>> flows, Map<String, Map<Measure, Long>> distinct,
            Map<String, Map<String, BigDecimal>> budgets) {
        return new CountyRow(code, region == null ? null : region.nameZh(), region == null ? null : region.nameEn(),
                stock.getOrDefault(code, CountyFigures.ZERO), PeriodFigures.of(flows.getOrDefault(code, Map.of()),
                        distinct.getOrDefault(code, Map.of()), budgets.getOrDefault(code, Map.of())));
    }

    /** The seeded counties at or below a region. */
    static List<String> countiesWithin(String regionCode, Map<String, Region> regions) {
        List<String> counties = new ArrayList<>();
        for (Region region : regions.values()) {
            if (region.isCounty() && isWithin(region.code(), regionCode, regions)) {
                counties.add(region.code());
            }
        }
        counties.sort(null);
        return counties;
    }

    private static boolean isWithin(String countyCode, String regionCode, Map<String, Region> regions) {
        for (String code = countyCode; code != null; code = regions.containsKey(code) ? regions.get(code).parentCode() : null) {
            if (code.equals(regionCode)) {
                return true;
            }
        }
        return false;
    }

    /** Reference data changes only with a migration, that is with a new release: read once. */
    private Map<String, Region> regions(Connection connection) throws SQLException {
        Map<String, Region> loaded = regions;
        if (loaded == null) {
            Map<String, Region> byCode = new HashMap<>();
            for (Region region : ReportQueries.regions(connection)) {
                byCode.put(region.code(), region);
            }
            loaded = Map.copyOf(byCode);
            regions = loaded;
        }
        return loaded;
    }

    private boolean expired(CachedTable cached) {
        return System.nanoTime() - cached.loadedAt() > config.cache().maxAge().toNanos();
    }
}
