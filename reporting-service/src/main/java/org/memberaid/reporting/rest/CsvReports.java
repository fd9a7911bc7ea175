package org.memberaid.reporting.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports as CSV for Excel, DuckDB and BI tools: RFC 4180, UTF-8, a header row of stable
 * snake_case names (the JSON field names, nested figures flattened), numbers unformatted,
 * Chinese names as they are. How fresh the data is travels in the {@code Data-As-Of} header.
 */
final class CsvReports {

    static final String MEDIA_TYPE = "text/csv";
    static final String PRODUCES = MEDIA_TYPE + ";charset=UTF-8";
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    /** Quotes only where RFC 4180 needs it (a comma, quote or line break), not every long string. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvReports() {
    }

    /** Rows of records; {@code prefix} columns (e.g. the region of monthly rows) go first on every row. */
    static String write(Map<String, Object> prefix, List<? extends Record> rows) {
        List<Map<String, Object>> lines = rows.stream().map(row -> {
            Map<String, Object> line = new LinkedHashMap<>(prefix);
            line.putAll(flatten(row));
            return line;
        }).toList();
        if (lines.isEmpty()) {
            return "";
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        lines.get(0).keySet().forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as CSV", e);
        }
    }

    static String write(List<? extends Record> rows) {
        return write(Map.of(), rows);
    }

    /** The CSV's bytes in UTF-8, after a byte-order mark if {@code bom} (Excel needs one to read UTF-8). */
    static byte[] bytes(String csv, boolean bom) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return text;
        }
        byte[] marked = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, marked, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, marked, UTF8_BOM.length, text.length);
        return marked;
    }

    /** The record's JSON fields as snake_case columns, unwrapped records inlined, asOf left to the header. */
    static Map<String, Object> flatten(Record row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (RecordComponent component : row.getClass().getRecordComponents()) {
            if (component.getName().equals("asOf")) {
                continue;
            }
            Object value = valueOf(component, row);
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) && value instanceof Record nested) {
                columns.putAll(flatten(nested));
            } else if (!(value instanceof List)) {
                columns.put(snakeCase(component.getName()), cell(value));
            }
        }
        return columns;
    }

    static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Object cell(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? null : value.toString();
    }

    private static Object valueOf(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
