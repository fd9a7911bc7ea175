package org.memberaid.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Statements of one transaction sent to PostgreSQL together, in one round trip: the driver runs a
 * prepared string of several statements as one exchange with the server. For the busiest paths,
 * whose writes are a few short statements each: every round trip costs the service and the
 * database a wake-up each, which on a small machine cost more than the statements themselves.
 *
 * <p>The statements run in the order they were added, in the caller's transaction; if one fails,
 * the ones after it do not run and {@link #execute} throws (the caller's transaction rolls back).
 * Parameters are bound with {@code setObject}: pass {@code java.sql.Timestamp} for instants.
 *
 * <p>Rows added with {@link #addRow} for the same INSERT are written by one multi-row statement,
 * at the place of the first of them: each statement the server runs has a cost of its own (bind,
 * executor start and end) that for a one-row insert is a good part of the insert.
 */
public final class StatementPipeline {

    /** A statement as it will run: one added with {@link #add}, or the rows of one INSERT. */
    private static final class Entry {
        final String sql;
        final String rowPlaceholders;
        final List<Object> parameters = new ArrayList<>();
        int rows;
        /** The update count the server answered for this statement. */
        int count;

        Entry(String sql, String rowPlaceholders) {
            this.sql = sql;
            this.rowPlaceholders = rowPlaceholders;
        }

        String text() {
            if (rowPlaceholders == null) {
                return sql;
            }
            StringBuilder text = new StringBuilder(sql.length() + rows * (rowPlaceholders.length() + 2)).append(sql);
            for (int i = 1; i < rows; i++) {
                text.append(", ").append(rowPlaceholders);
            }
            return text.toString();
        }
    }

    /** The row placeholders of each INSERT text seen, checked once: the texts are the callers' constants. */
    private static final Map<String, String> ROW_PLACEHOLDERS = new ConcurrentHashMap<>();

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> insertsByText = new HashMap<>();
    /** For each call of add or addRow, in order, the entry that runs it. */
    private final List<Entry> added = new ArrayList<>();

    /** Adds one statement (no {@code ;} inside) with its parameters, in placeholder order. */
    public StatementPipeline add(String sql, Object... values) {
        if (sql.contains(";")) {
            throw new IllegalArgumentException("One statement at a time: " + sql);
        }
        Entry entry = new Entry(sql, null);
        entry.parameters.addAll(Arrays.asList(values));
        entries.add(entry);
        added.add(entry);
        return this;
    }

    /**
     * Adds one row of a plain {@code INSERT INTO t (columns) VALUES (?, ...)} (no {@code ON
     * CONFLICT}, nothing after the placeholders). The rows of the same INSERT are written together,
     * in the order they were added, where the first of them was added; its count in
     * {@link #execute} is 1.
     */
    public StatementPipeline addRow(String insert, Object... values) {
        Entry entry = insertsByText.get(insert);
        if (entry == null) {
            entry = new Entry(insert, ROW_PLACEHOLDERS.computeIfAbsent(insert, StatementPipeline::rowPlaceholders));
            entries.add(entry);
            insertsByText.put(insert, entry);
        }
        entry.parameters.addAll(Arrays.asList(values));
        entry.rows++;
        added.add(entry);
        return this;
    }

    private static String rowPlaceholders(String insert) {
        String text = insert.strip();
        int values = text.toUpperCase(Locale.ROOT).lastIndexOf("VALUES");
        String row = values < 0 ? "" : text.substring(values + "VALUES".length()).strip();
        if (!text.regionMatches(true, 0, "INSERT", 0, 6) || insert.contains(";") || !row.startsWith("(")
                || !row.endsWith(")") || !row.substring(1, row.length() - 1).replaceAll("[\\s?,]", "").isEmpty()) {
            throw new IllegalArgumentException("Not a one-row INSERT ending in VALUES (?, ...): " + insert);
        }
        return row;
    }

    /**
     * Runs every statement added, in one round trip; returns each one's update count, in the order
     * of the calls of add and addRow.
     */
    public int[] execute(Connection connection) throws SQLException {
        int[] counts = new int[added.size()];
        if (entries.isEmpty()) {
            return counts;
        }
        try (PreparedStatement all = connection.prepareStatement(
                entries.stream().map(Entry::text).collect(Collectors.joining(";\n")))) {
            int index = 1;
            for (Entry entry : entries) {
                for (Object value : entry.parameters) {
                    all.setObject(index++, value);
                }
            }
            all.execute();
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    all.getMoreResults();
                }
                entries.get(i).count = all.getUpdateCount();
            }
        }
        for (int i = 0; i < counts.length; i++) {
            Entry entry = added.get(i);
            if (entry.rowPlaceholders == null) {
                counts[i] = entry.count;
            } else if (entry.count == entry.rows) {
                counts[i] = 1;
            } else {
                throw new IllegalStateException(
                        "An INSERT of " + entry.rows + " rows inserted " + entry.count + ": " + entry.sql);
            }
        }
        return counts;
    }
}
