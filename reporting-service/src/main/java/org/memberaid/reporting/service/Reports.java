package org.memberaid.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.CountyStatistics;
import org.memberaid.reporting.domain.Region;

/**
 * The stock figures per county and rolled up to any region above: counts are summed and the
 * poverty rate recomputed from the sums, never averaged.
 */
@ApplicationScoped
public class Reports {

    /** A county's row: every seeded county (zeros included) and any other county events named. */
    public record CountyRow(String countyCode, String nameZh, String nameEn, CountyFigures figures) {
    }

    /** A region's roll-up over the counties below it. */
    public record RegionRow(String code, String nameZh, String nameEn, String level, int counties,
            CountyFigures figures) {
    }

    public List<CountyRow> counties() {
        return QuarkusTransaction.joiningExisting().call(() -> countyRows(regionsByCode()));
    }

    private static List<CountyRow> countyRows(Map<String, Region> regions) {
        Map<String, CountyFigures> figures = new TreeMap<>();
        regions.values().stream().filter(r -> "COUNTY".equals(r.level))
                .forEach(r -> figures.put(r.code, CountyFigures.ZERO));
        CountyStatistics.<CountyStatistics>listAll().forEach(s -> figures.put(s.countyCode, s.figures()));
        List<CountyRow> rows = new ArrayList<>(figures.size());
        figures.forEach((code, counted) -> {
            Region region = regions.get(code);
            rows.add(new CountyRow(code, region == null ? null : region.nameZh, region == null ? null : region.nameEn,
                    counted));
        });
        return rows;
    }

    public Optional<CountyRow> county(String code) {
        return counties().stream().filter(row -> row.countyCode().equals(code)).findFirst();
    }

    public Optional<RegionRow> region(String code) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, Region> regions = regionsByCode();
            Region region = regions.get(code);
            if (region == null) {
                return Optional.<RegionRow>empty();
            }
            CountyFigures total = CountyFigures.ZERO;
            int counties = 0;
            for (CountyRow row : countyRows(regions)) {
                if (isWithin(row.countyCode(), code, regions)) {
                    total = total.plus(row.figures());
                    counties++;
                }
            }
            return Optional.of(new RegionRow(region.code, region.nameZh, region.nameEn, region.level, counties, total));
        });
    }

    private static boolean isWithin(String countyCode, String regionCode, Map<String, Region> regions) {
        for (String code = countyCode; code != null; code = regions.containsKey(code) ? regions.get(code).parentCode : null) {
            if (code.equals(regionCode)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Region> regionsByCode() {
        Map<String, Region> byCode = new HashMap<>();
        Region.<Region>listAll().forEach(region -> byCode.put(region.code, region));
        return byCode;
    }
}
