package org.memberaid.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the service's database to a usable state: creates it when missing, then migrates it.
 * Quarkus' own migrate-at-start is off because it would fail the boot when PostgreSQL is down;
 * here an unreachable server is one log line, readiness DOWN and a retry, not a crash loop.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final String DUPLICATE_DATABASE = "42P04";

    @Inject
    DatabaseConfig config;

    @Inject
    Flyway flyway;

    @Inject
    DirectConnections connections;

    @Inject
    Event<DatabaseReady> ready;

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "database-bootstrap"));
    private volatile boolean migrated;
    private volatile String lastProblem;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        connections.requireCredentials();
        if (!attempt()) {
            long millis = config.retryInterval().toMillis();
            retries.scheduleWithFixedDelay(this::retry, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }

    public boolean isMigrated() {
        return migrated;
    }

    public Optional<String> problem() {
        return Optional.ofNullable(lastProblem);
    }

    private void retry() {
        if (attempt()) {
            retries.shutdown();
        }
    }

    private synchronized boolean attempt() {
        if (migrated) {
            return true;
        }
        PostgresLocation location = connections.location();
        try {
            if (config.createIfMissing()) {
                createDatabaseIfMissing(location);
            }
            if (config.cleanBeforeMigrate()) {
                flyway.clean();
            }
            String version = Objects.toString(flyway.migrate().targetSchemaVersion, "current");
            migrated = true;
            lastProblem = null;
            LOG.infof("Database '%s' on %s is ready, schema at version %s",
                    location.database(), location.server(), version);
        } catch (RuntimeException | SQLException e) {
            String problem = rootMessage(e);
            if (!problem.equals(lastProblem)) {
                LOG.warnf("PostgreSQL database '%s' on %s is not usable: %s. Readiness is DOWN; retrying every %ss.",
                        location.database(), location.server(), problem, config.retryInterval().toSeconds());
            }
            lastProblem = problem;
            return false;
        }
        ready.fire(new DatabaseReady(location.database()));
        return true;
    }

    private void createDatabaseIfMissing(PostgresLocation location) throws SQLException {
        try (Connection connection = connections.toMaintenanceDatabase()) {
            if (exists(connection, location.database())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + location.database() + "\"");
                LOG.infof("Created database '%s' on %s", location.database(), location.server());
            } catch (SQLException e) {
                // Another instance created it between our check and our CREATE: that is fine.
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
