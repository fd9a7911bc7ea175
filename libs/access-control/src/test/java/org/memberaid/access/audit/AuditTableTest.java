package org.memberaid.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit table's migration, applied to a schema of its own in PostgreSQL: lines can be added,
 * and the database itself refuses to change or remove them, whoever asks.
 */
class AuditTableTest {

    private static final String URL = System.getProperty("memberaid.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String SCHEMA = "audit_table_test";

    private Connection connection;

    @BeforeEach
    void migrate() throws SQLException, IOException {
        connection = DriverManager.getConnection(URL, "postgres", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("SET search_path TO " + SCHEMA);
            statement.execute(migration());
            statement.execute("""
                    INSERT INTO audit_record (at, actor, roles, region, action, target, request_id, outcome)
                    VALUES (now(), 'sub-1', 'registrar', '620702', 'POST /api/members', 'm-1', 'r-1', 201)""");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        connection.close();
    }

    @Test
    void refusesToChangeALine() {
        assertThatThrownBy(() -> execute("UPDATE audit_record SET outcome = 200"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only: UPDATE refused");
    }

    @Test
    void refusesToDeleteALine() {
        assertThatThrownBy(() -> execute("DELETE FROM audit_record"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only: DELETE refused");
    }

    @Test
    void refusesToTruncateTheLog() {
        assertThatThrownBy(() -> execute("TRUNCATE audit_record"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only: TRUNCATE refused");
    }

    @Test
    void keepsEveryLineAdded() throws SQLException {
        execute("""
                INSERT INTO audit_record (at, actor, roles, region, action, target, request_id, outcome)
                VALUES (now(), 'sub-2', 'approver', '620702', 'POST /api/disbursements/{id}/approval', 'd-1', 'r-2', 403)""");

        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), sum(outcome) FROM audit_record")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(2);
            assertThat(rows.getLong(2)).isEqualTo(604);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String migration() throws IOException {
        try (InputStream in = AuditTableTest.class.getResourceAsStream("/db/audit/V0_5__audit_record.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
