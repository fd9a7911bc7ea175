package org.memberaid.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service keeps its tables' statistics current itself where autovacuum does not. Against
 * PostgreSQL alone, in a database of the test's own (maintenance touches every table of the
 * database it connects to); the table's own autovacuum is off, so whatever the server's setting,
 * only {@link TableMaintenance} analyzes it.
 */
class TableMaintenanceTest {

    private static final String SERVER = System.getProperty("memberaid.test.postgres.server", "127.0.0.1:5432");
    private static final String DATABASE = "table_maintenance_test";

    private final DirectConnections connections = Mappings.directConnections(Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + SERVER + "/" + DATABASE,
            "quarkus.datasource.username", "postgres"));
    private final TableMaintenance maintenance = new TableMaintenance();

    @BeforeAll
    static void createDatabase() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        onServer("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @BeforeEach
    void createTable() throws SQLException {
        maintenance.connections = connections;
        execute("CREATE TABLE member (id INT PRIMARY KEY) WITH (autovacuum_enabled = false)");
    }

    @AfterEach
    void dropTable() throws SQLException {
        maintenance.stop(null);
        execute("DROP TABLE member");
    }

    @Test
    void analyzesTheMemberTableOnceAutovacuumsThresholdOfChangedRowsIsPassed() throws SQLException {
        maintenance.config = Mappings.of(DatabaseConfig.class, Map.of(
                "memberaid.database.maintenance", "always", "memberaid.database.maintenance-interval", "1s"));
        maintenance.start(new DatabaseReady(DATABASE));
        long analyzesBefore = statistic("analyze_count");
        long threshold = statistic("threshold");

        execute("INSERT INTO member SELECT generate_series(0, " + threshold + ")");

        await().atMost(Duration.ofSeconds(30)).until(() -> statistic("analyze_count") > analyzesBefore);
    }

    @Test
    void analyzesOnlyATablePastTheThreshold() throws SQLException {
        maintenance.config = Mappings.of(DatabaseConfig.class, Map.of("memberaid.database.maintenance", "always"));
        execute("INSERT INTO member VALUES (0)");
        await().atMost(Duration.ofSeconds(30)).until(() -> statistic("n_mod_since_analyze") == 1);

        assertThat(maintenance.maintainDueTables()).as("one changed row is below the threshold").isEmpty();

        execute("INSERT INTO member SELECT generate_series(1, " + statistic("threshold") + ")");
        await().atMost(Duration.ofSeconds(30)).until(() -> !maintenance.maintainDueTables().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> statistic("analyze_count") == 1);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connections.toServiceDatabase(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void onServer(String sql) throws SQLException {
        DirectConnections server = Mappings.directConnections(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + SERVER + "/postgres",
                "quarkus.datasource.username", "postgres"));
        try (Connection connection = server.toServiceDatabase(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A column of the member table's statistics, or ("threshold") autovacuum's analyze threshold for it. */
    private long statistic(String column) throws SQLException {
        String expression = column.equals("threshold")
                ? "current_setting('autovacuum_analyze_threshold')::float8"
                        + " + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)"
                : "s." + column;
        try (Connection connection = connections.toServiceDatabase();
                PreparedStatement query = connection.prepareStatement("SELECT ceil(" + expression + ")::bigint"
                        + " FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'member'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
