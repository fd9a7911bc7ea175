package org.memberaid.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The writes the money paths send in one round trip: counts in order, all or nothing, and the rows
 * of one INSERT as one statement. Against PostgreSQL, in a schema of its own.
 */
class StatementPipelineTest {

    private final TestSchema schema = new TestSchema("statement_pipeline_test");
    private final JdbcTransactions transactions = new JdbcTransactions();
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void createTable() throws SQLException {
        dataSource = schema.create("""
                CREATE TABLE %s.idempotency_key (scoped_key TEXT PRIMARY KEY, request_hash TEXT NOT NULL,
                    response_status INT NOT NULL, response_body TEXT, location TEXT,
                    created_at TIMESTAMPTZ NOT NULL)""");
        transactions.dataSource = dataSource;
    }

    @AfterEach
    void dropTable() throws SQLException {
        schema.drop();
    }

    private static final String INSERT_KEY = """
            INSERT INTO idempotency_key (scoped_key, request_hash, response_status, response_body, location, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    @Test
    void runsEveryStatementInOrderAndReportsEachUpdateCount() throws SQLException {
        String key = "pipeline:" + UUID.randomUUID();

        int[] counts = transactions.run(connection -> new StatementPipeline()
                .add(INSERT_KEY, key, "hash", 201, "{}", null, Timestamp.from(Instant.now()))
                .add("UPDATE idempotency_key SET response_status = ? WHERE scoped_key = ?", 200, key)
                .add("UPDATE idempotency_key SET response_status = ? WHERE scoped_key = ?", 500, key + ":none")
                .execute(connection));

        assertThat(counts).containsExactly(1, 1, 0);
        assertThat(status(key)).isEqualTo(200);
    }

    @Test
    void aFailingStatementStopsTheRestAndTheTransactionKeepsNothing() throws SQLException {
        String key = "pipeline:" + UUID.randomUUID();
        String later = "pipeline:" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.run(connection -> new StatementPipeline()
                .add(INSERT_KEY, key, "hash", 201, "{}", null, Timestamp.from(Instant.now()))
                .add(INSERT_KEY, key, "again", 201, "{}", null, Timestamp.from(Instant.now()))
                .add(INSERT_KEY, later, "hash", 201, "{}", null, Timestamp.from(Instant.now()))
                .execute(connection)))
                .isInstanceOf(JdbcTransactions.DatabaseException.class)
                .hasMessageContaining("idempotency_key_pkey");

        assertThat(status(key)).as("the first insert rolled back with the failed one").isNull();
        assertThat(status(later)).as("the statement after the failure never ran").isNull();
    }

    @Test
    void rowsOfTheSameInsertAreOneStatementAtTheFirstOnesPlaceInTheOrderTheyWereAdded() throws SQLException {
        String key = "pipeline:" + UUID.randomUUID();

        List<String> rows = transactions.run(connection -> {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMP TABLE pipeline_row (n BIGSERIAL, v TEXT) ON COMMIT DROP");
                ddl.execute("CREATE TEMP TABLE pipeline_seen (row_count BIGINT) ON COMMIT DROP");
            }
            int[] counts = new StatementPipeline()
                    .addRow("INSERT INTO pipeline_row (v) VALUES (?)", "a")
                    .add(INSERT_KEY, key, "hash", 201, "{}", null, Timestamp.from(Instant.now()))
                    .add("INSERT INTO pipeline_seen SELECT count(*) FROM pipeline_row WHERE v <> ?", "")
                    .addRow("INSERT INTO pipeline_row (v) VALUES (?)", "b")
                    .addRow("insert into pipeline_row (v)\n values ( ? )", "other text")
                    .addRow("INSERT INTO pipeline_row (v) VALUES (?)", "c")
                    .execute(connection);
            assertThat(counts).as("one count per call, in call order").containsExactly(1, 1, 1, 1, 1, 1);
            List<String> found = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet seen = query.executeQuery("SELECT row_count FROM pipeline_seen")) {
                seen.next();
                found.add("seen " + seen.getLong(1));
            }
            try (Statement query = connection.createStatement();
                    ResultSet row = query.executeQuery("SELECT v, cmin FROM pipeline_row ORDER BY n")) {
                while (row.next()) {
                    found.add(row.getString(1) + "@" + row.getInt(2));
                }
            }
            return found;
        });

        // b and c were inserted with a, before the statement between them counted the rows; the
        // same INSERT in other text is another statement, after it.
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).as("rows the statement added after a found").isEqualTo("seen 3");
        String command = rows.get(1).substring(rows.get(1).indexOf('@'));
        assertThat(rows.subList(1, 4)).as("a, b and c by one statement (one command id), in order")
                .containsExactly("a" + command, "b" + command, "c" + command);
        assertThat(rows.get(4)).startsWith("other text@").isNotEqualTo("other text" + command);
        assertThat(status(key)).isEqualTo(201);
    }

    @Test
    void onlyAOneRowInsertEndingInItsPlaceholdersCanBeARow() {
        StatementPipeline writes = new StatementPipeline();
        assertThatThrownBy(() -> writes.addRow("UPDATE idempotency_key SET location = ? WHERE scoped_key = ?", 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writes.addRow(
                "INSERT INTO idempotency_key (scoped_key) VALUES (?) ON CONFLICT DO NOTHING", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writes.addRow("INSERT INTO idempotency_key (scoped_key) VALUES (now())"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Integer status(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT response_status FROM idempotency_key WHERE scoped_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }
}
