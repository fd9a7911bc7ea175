package org.memberaid.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.memberaid.reporting.reports.CountyTable;

/**
 * The county report as sent, kept per county table: dashboards read the same pages over and over
 * (tens of thousands a second), so each page as JSON and each CSV is written and digested once per
 * table and region, and served from memory until the table is replaced (per year, with it).
 */
@ApplicationScoped
class CountyTableRenderings {

    /** A page of the JSON report for a region. */
    private record PageKey(String region, int page, int size) {
    }

    /** The whole CSV report for a region, with or without a byte-order mark. */
    private record CsvKey(String region, boolean bom) {
    }

    /** What was rendered of one table. */
    private record Rendered(CountyTable table, Map<PageKey, Representation> pages, Map<CsvKey, Representation> csv) {

        Rendered(CountyTable table) {
            this(table, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final Map<Integer, Rendered> latest = new ConcurrentHashMap<>();

    Representation page(CountyTable table, String region, int page, int size, Supplier<Representation> render) {
        return of(table).pages().computeIfAbsent(new PageKey(region, page, size), key -> render.get());
    }

    Representation csv(CountyTable table, String region, boolean bom, Supplier<Representation> render) {
        return of(table).csv().computeIfAbsent(new CsvKey(region, bom), key -> render.get());
    }

    /** The renderings of {@code table}; a year's renderings of an older table are dropped. */
    private Rendered of(CountyTable table) {
        Rendered held = latest.get(table.year());
        if (held != null && held.table() == table) {
            return held;
        }
        return latest.compute(table.year(),
                (year, current) -> current != null && current.table() == table ? current : new Rendered(table));
    }
}
