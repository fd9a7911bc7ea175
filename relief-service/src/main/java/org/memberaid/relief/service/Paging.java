package org.memberaid.relief.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One page of a list query, and how many rows the whole list has, read on the caller's transaction. */
final class Paging {

    /** Reads one row, by column name. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Paging() {
    }

    /**
     * Page {@code page} (from 0) of {@code size} rows of {@code select}, which ends in its ORDER BY
     * and takes {@code parameters} in placeholder order.
     */
    static <T> List<T> rows(Connection connection, String select, List<Object> parameters, int page, int size,
            Reader<T> reader) throws SQLException {
        List<T> items = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(select + " LIMIT ? OFFSET ?")) {
            int index = bind(query, parameters);
            query.setInt(index, size);
            query.setLong(index + 1, (long) page * size);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    items.add(reader.read(row));
                }
            }
        }
        return items;
    }

    /** The number {@code count} (a {@code SELECT count(*)}) answers with {@code parameters}. */
    static long count(Connection connection, String count, List<Object> parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(count)) {
            bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Binds the parameters in order; returns the index of the next placeholder. */
    private static int bind(PreparedStatement query, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object value : parameters) {
            query.setObject(index++, value);
        }
        return index;
    }
}
