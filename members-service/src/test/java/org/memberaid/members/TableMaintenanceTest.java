package org.memberaid.members;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.testing.TestTokens;

/**
 * The service keeps its tables' statistics current itself where autovacuum does not (the test
 * profile sets memberaid.database.maintenance=always, so this runs whatever the server's setting).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TableMaintenanceTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void analyzesTheMemberTableOnceAutovacuumsThresholdOfChangedRowsIsPassed() throws SQLException {
        // Where the server runs autovacuum, its own ANALYZE of the table (not counted in
        // analyze_count) would reset the count of changed rows before the service looks.
        setAutovacuum("SET (autovacuum_enabled = false)");
        try {
            long analyzesBefore = statistic("analyze_count");
            long threshold = (long) Math.ceil(statistic("threshold"));

            IntStream.rangeClosed(0, (int) threshold).forEach(i -> Members.register("620702"));

            await().atMost(Duration.ofSeconds(30)).until(() -> statistic("analyze_count") > analyzesBefore);
        } finally {
            setAutovacuum("RESET (autovacuum_enabled)");
        }
    }

    private void setAutovacuum(String change) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE member " + change);
        }
    }

    /** A column of the member table's statistics, or ("threshold") autovacuum's analyze threshold for it. */
    private long statistic(String column) throws SQLException {
        String expression = column.equals("threshold")
                ? "current_setting('autovacuum_analyze_threshold')::float8"
                        + " + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)"
                : "s." + column;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT ceil(" + expression + ")::bigint"
                        + " FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'member'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
