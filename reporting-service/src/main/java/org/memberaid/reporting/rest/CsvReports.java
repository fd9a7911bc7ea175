package org.memberaid.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports as CSV for Excel, DuckDB and BI tools: RFC 4180, UTF-8, a header row of stable
 * snake_case names, numbers unformatted, Chinese names as they are.
 */
final class CsvReports {

    static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = new CsvMapper();
    private static final List<String> COUNTY_COLUMNS = List.of("county_code", "name_zh", "name_en", "members_total",
            "members_in_difficulty", "poverty_rate", "members_lifted_out");
    private static final List<String> REGION_COLUMNS = List.of("region_code", "name_zh", "name_en", "level", "counties",
            "members_total", "members_in_difficulty", "poverty_rate", "members_lifted_out");

    private CsvReports() {
    }

    static String counties(List<CountyReport> rows) {
        return write(COUNTY_COLUMNS, rows.stream().map(r -> row(COUNTY_COLUMNS, r.countyCode(), r.nameZh(), r.nameEn(),
                r.membersTotal(), r.membersInDifficulty(), r.povertyRate().toPlainString(), r.membersLiftedOut())).toList());
    }

    static String region(RegionReport r) {
        return write(REGION_COLUMNS, List.of(row(REGION_COLUMNS, r.regionCode(), r.nameZh(), r.nameEn(), r.level(),
                r.counties(), r.membersTotal(), r.membersInDifficulty(), r.povertyRate().toPlainString(),
                r.membersLiftedOut())));
    }

    private static Map<String, Object> row(List<String> columns, Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }

    private static String write(List<String> columns, List<Map<String, Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as CSV", e);
        }
    }
}
