package org.memberaid.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.memberaid.database.DatabaseReady;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.events.inbox.EventSubscription;
import org.memberaid.events.inbox.EventInbox;
import org.memberaid.events.inbox.EventStreams;
import org.memberaid.reporting.config.ReportingConfig;
import org.memberaid.reporting.config.StartupConfig;
import org.memberaid.reporting.events.Topics;

/**
 * The projections reporting builds from the topics, each in its own schema ({@code projection_N})
 * with its own inbox, offsets and consumer group. Reports read the active one. A rebuild fills a
 * new schema from the start of both topics beside the live one, which keeps serving; when the new
 * one has applied at least everything the live one has, on every partition, reads switch to it,
 * its consumer goes on as the live one and the old schema is dropped.
 */
@ApplicationScoped
public class Projections {

    /** What a rebuild is doing; {@code eventsBehind} is how far the new projection trails the live one. */
    @Schema(name = "RebuildStatus")
    public record RebuildStatus(@Schema(enumeration = { "IDLE", "RUNNING", "SWITCHED" }) String state,
            @Schema(nullable = true, description = "the projection being built") String schema,
            @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant switchedAt,
            @Schema(nullable = true, description = "while RUNNING: events the new projection trails the live one by")
            Long eventsBehind) {
    }

    /** The tables of a projection: the inbox's (from transactional-events, in version order) and reporting's own. */
    private static final List<String> SCHEMA_SCRIPTS = List.of("db/inbox/V0_2__inbox.sql",
            "db/inbox/V0_3__consumed_offsets.sql", "db/projection/projection.sql");
    private static final long REGISTRY_LOCK = 0x7265706f7274L;
    /** The version of db/projection/projection.sql; raise it with every change to those tables. */
    static final int SHAPE = 3;
    private static final Logger LOG = Logger.getLogger(Projections.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JdbcTransactions transactions;

    @Inject
    EventStreams streams;

    @Inject
    EventInbox inbox;

    @Inject
    ProjectionUpdater updater;

    @Inject
    ProjectionChanges changes;

    @Inject
    ReportingConfig config;

    @Inject
    StartupConfig startup;

    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "projection-rebuild"));
    private volatile String active;
    private EventSubscription live;
    private EventSubscription building;
    private volatile RebuildStatus rebuild = new RebuildStatus("IDLE", null, null, null, null);

    void start(@Observes DatabaseReady ready) throws SQLException {
        if (startup.cleanBeforeMigrate()) {
            dropAll();
        }
        String schema = activeOrFirst();
        synchronized (this) {
            active = schema;
            live = subscribe(schema);
        }
        LOG.infof("Reports read projection %s", schema);
    }

    void stop(@Observes ShutdownEvent event) {
        monitor.shutdownNow();
    }

    /** The schema reports read; null until the database is ready. */
    public String active() {
        return active;
    }

    /** A connection whose transaction reads the active projection (and the reference data in public). */
    public Connection readConnection() throws SQLException {
        String schema = active;
        if (schema == null) {
            // Transient, as a refused connection is: the request is answered 503 with Retry-After.
            throw new SQLTransientConnectionException("The reporting database is not ready yet");
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + schema + ", public");
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public RebuildStatus rebuildStatus() {
        return rebuild;
    }

    /** Starts a rebuild; false when one is already running. */
    public synchronized boolean startRebuild() {
        if ("RUNNING".equals(rebuild.state())) {
            return false;
        }
        if (active == null) {
            throw new IllegalStateException("The reporting database is not ready yet");
        }
        String schema = transactions.run(Projections::create);
        building = subscribe(schema);
        rebuild = new RebuildStatus("RUNNING", schema, Instant.now(), null, null);
        LOG.infof("Rebuilding the reports into %s from the start of %s", schema, Topics.ALL);
        scheduleCheck();
        return true;
    }

    private void checkRebuild() {
        try {
            if (!switchIfCaughtUp()) {
                scheduleCheck();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Rebuild check failed (%s); trying again", e.getMessage());
            scheduleCheck();
        }
    }

    private synchronized boolean switchIfCaughtUp() throws SQLException {
        RebuildStatus running = rebuild;
        String old = active;
        long behind = eventsBehind(inbox.storedOffsets(running.schema()), inbox.storedOffsets(old));
        if (behind > 0) {
            rebuild = new RebuildStatus("RUNNING", running.schema(), running.startedAt(), null, behind);
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE projection_registry SET active_schema = ?, shape = " + SHAPE + ", switched_at = now()")) {
                update.setString(1, running.schema());
                update.executeUpdate();
            }
        }
        active = running.schema();
        changes.everythingChanged();
        EventSubscription oldConsumer = live;
        live = building;
        building = null;
        rebuild = new RebuildStatus("SWITCHED", running.schema(), running.startedAt(), Instant.now(), 0L);
        LOG.infof("Reports now read the rebuilt projection %s; dropping %s", running.schema(), old);
        streams.stop(oldConsumer);
        // Reads that began on the old schema finish first: DROP waits for their locks.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + old + " CASCADE");
        }
        return true;
    }

    /** Sum over partitions of how far {@code rebuilt} trails {@code live}; zero when it has applied everything. */
    static long eventsBehind(Map<TopicPartition, Long> rebuilt, Map<TopicPartition, Long> live) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> partition : live.entrySet()) {
            behind += Math.max(0, partition.getValue() - rebuilt.getOrDefault(partition.getKey(), 0L));
        }
        return behind;
    }

    private void scheduleCheck() {
        monitor.schedule(this::checkRebuild, config.rebuild().checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private EventSubscription subscribe(String schema) {
        return streams.subscribe(config.consumerGroup() + "-" + schema, Topics.ALL, schema,
                config.consumerThreads(),
                updater::apply);
    }

    /**
     * The active projection; the first one, or a new one when the active one has another shape
     * (a release changed its tables): that one is built from the start of the topics and the old
     * one dropped, since this release cannot read it.
     */
    private String activeOrFirst() throws SQLException {
        String dropped = null;
        String schema;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Two instances starting together create one projection, not two.
                statement.execute("SELECT pg_advisory_xact_lock(" + REGISTRY_LOCK + ")");
                String held = null;
                int shape = 0;
                try (ResultSet row = statement.executeQuery("SELECT active_schema, shape FROM projection_registry")) {
                    if (row.next()) {
                        held = row.getString(1);
                        shape = row.getInt(2);
                    }
                }
                if (held != null && shape == SHAPE) {
                    connection.commit();
                    return held;
                }
                schema = create(connection);
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO projection_registry (active_schema, shape) VALUES (?, ?)
                        ON CONFLICT (singleton) DO UPDATE
                        SET active_schema = excluded.active_schema, shape = excluded.shape, switched_at = now()""")) {
                    upsert.setString(1, schema);
                    upsert.setInt(2, SHAPE);
                    upsert.executeUpdate();
                }
                if (held != null) {
                    statement.execute("DROP SCHEMA IF EXISTS " + held + " CASCADE");
                    dropped = held;
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        if (dropped != null) {
            LOG.warnf("Projection %s had an older shape; its figures are rebuilt from the start of the topics into %s",
                    dropped, schema);
        }
        return schema;
    }

    /** Creates the next projection schema with its empty tables, in the caller's transaction. */
    private static String create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String schema;
            try (ResultSet next = statement.executeQuery("SELECT nextval('projection_number')")) {
                next.next();
                schema = "projection_" + next.getLong(1);
            }
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET LOCAL search_path TO " + schema);
            for (String script : SCHEMA_SCRIPTS) {
                statement.execute(resource(script));
            }
            statement.execute("SET LOCAL search_path TO public");
            return schema;
        }
    }

    private void dropAll() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'projection\\_%'")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
