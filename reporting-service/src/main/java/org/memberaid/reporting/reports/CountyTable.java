package org.memberaid.reporting.reports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memberaid.access.RegionScope;

/**
 * Every county's row for a year, in code order, as of one moment. It never changes, so what is
 * derived from it (a region's rows here, the rendered pages in the REST layer) is derived once.
 */
public final class CountyTable {

    private final int year;
    private final Instant asOf;
    private final List<CountyRow> rows;
    private final Map<String, List<CountyRow>> rowsByRegion = new ConcurrentHashMap<>();

    CountyTable(int year, Instant asOf, Collection<CountyRow> rows) {
        this.year = year;
        this.asOf = asOf;
        this.rows = List.copyOf(rows);
    }

    public int year() {
        return year;
    }

    /** The time of the newest event the table reflects; null before the first. */
    public Instant asOf() {
        return asOf;
    }

    public List<CountyRow> rows() {
        return rows;
    }

    /**
     * The rows of the counties inside {@code scope}: filtered once per region, so a reader's
     * region costs no query and no filtering on the next read.
     */
    public List<CountyRow> rowsWithin(RegionScope scope) {
        return rowsByRegion.computeIfAbsent(scope.prefix(),
                prefix -> rows.stream().filter(row -> scope.covers(row.countyCode())).toList());
    }
}
