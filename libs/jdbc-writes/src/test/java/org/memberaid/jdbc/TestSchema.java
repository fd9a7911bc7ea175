package org.memberaid.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of a test's own on the local PostgreSQL (no Quarkus needed): created afresh, with the
 * given tables, and dropped after the test. The server is {@code memberaid.test.postgres} when set.
 */
final class TestSchema {

    private static final String URL = System.getProperty("memberaid.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/postgres");

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    TestSchema(String name) {
        this.name = name;
        dataSource.setURL(URL);
        dataSource.setUser("postgres");
    }

    /** Creates the schema afresh with {@code tables} (DDL with {@code %s} for the schema's name). */
    PGSimpleDataSource create(String... tables) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            ddl.execute("CREATE SCHEMA " + name);
            for (String table : tables) {
                ddl.execute(table.formatted(name));
            }
        }
        dataSource.setCurrentSchema(name);
        return dataSource;
    }

    void drop() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
