package org.memberaid.relief.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberaid.database.JdbcTransactions;
import org.memberaid.database.StatementPipeline;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;

/** The writes the money paths send in one round trip: counts in order, and all or nothing. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class StatementPipelineTest {

    private static final String INSERT_KEY = """
            INSERT INTO idempotency_key (scoped_key, request_hash, response_status, response_body, location, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    @Inject
    JdbcTransactions transactions;

    @Inject
    AgroalDataSource dataSource;

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
