package org.memberaid.events.outbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.memberaid.database.DatabaseReady;
import org.memberaid.database.DirectConnections;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and deletes each row only after the
 * broker acknowledged it (at least once; consumers drop duplicates by event id).
 *
 * <p>Only the instance holding a PostgreSQL advisory lock publishes, so two instances of a service
 * never interleave and per-key order holds. While rows keep coming the leader fetches the next
 * batch at once; when the outbox is empty it polls every {@code memberaid.outbox.poll-interval}.
 * It polls rather than LISTENs: a NOTIFY in every writing transaction serialises all of their
 * commits on PostgreSQL's notification queue lock, which cost the money paths an eighth of
 * their throughput and doubled how long a fund's row stayed locked.
 *
 * <p>The outbox is a queue: every row is deleted milliseconds after it was written. The deleted
 * rows' index entries stay at the front of the position index, where every poll starts, until a
 * VACUUM removes them; without it each poll walks past all events ever published (80 index pages
 * per poll after 20 minutes of load). Autovacuum may be off or slow to come, so the relay vacuums
 * the table itself after every {@code memberaid.outbox.vacuum-after} deleted rows.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LEADER_LOCK = "SELECT pg_try_advisory_lock(hashtext('memberaid.outbox-relay'))";

    @Inject
    OutboxConfig config;

    @Inject
    DirectConnections connections;

    @Inject
    OutboxPublisher publisher;

    private volatile boolean running;
    private volatile boolean leader;
    private final AtomicLong published = new AtomicLong();
    private Thread worker;
    private String lastProblem;
    private long deletedSinceVacuum;

    synchronized void start(@Observes DatabaseReady ready) {
        if (!config.enabled() || worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        publisher.close();
    }

    /** Whether this instance currently publishes the outbox (the others stand by). */
    public boolean isLeader() {
        return leader;
    }

    /** Events this instance has published (and deleted from the outbox) since it started. */
    long published() {
        return published.get();
    }

    private void run() {
        while (running) {
            try (Connection connection = connections.toServiceDatabase()) {
                if (acquireLeadership(connection)) {
                    leader = true;
                    LOG.info("This instance now relays the outbox to Kafka");
                    relay(connection);
                }
            } catch (SQLException e) {
                report("PostgreSQL connection for the outbox relay failed: " + e.getMessage());
            } finally {
                leader = false;
            }
            pause(config.retryWait().multipliedBy(2));
        }
    }

    private static boolean acquireLeadership(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(LEADER_LOCK)) {
            return result.next() && result.getBoolean(1);
        }
    }

    private void relay(Connection connection) throws SQLException {
        while (running) {
            List<OutboxRow> rows = fetch(connection);
            if (rows.isEmpty()) {
                pause(config.pollInterval());
                continue;
            }
            OutboxPublisher.Outcome outcome = publisher.publish(rows);
            delete(connection, rows.subList(0, outcome.acknowledged()));
            deletedSinceVacuum += outcome.acknowledged();
            published.addAndGet(outcome.acknowledged());
            if (deletedSinceVacuum >= config.vacuumAfter()) {
                vacuum(connection);
                deletedSinceVacuum = 0;
            }
            if (outcome.failure() != null) {
                report("Kafka did not acknowledge outbox events (" + outcome.failure()
                        + "); they stay in the outbox and are retried");
                pause(config.retryWait());
            } else if (lastProblem != null) {
                LOG.info("Outbox relay publishes to Kafka again");
                lastProblem = null;
            }
        }
    }

    private List<OutboxRow> fetch(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT position, event_id, topic, message_key, event_type, payload
                FROM outbox_event ORDER BY position LIMIT ?""")) {
            query.setInt(1, config.batchSize());
            try (ResultSet result = query.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getObject(2, java.util.UUID.class),
                            result.getString(3), result.getString(4), result.getString(5), result.getString(6)));
                }
                return rows;
            }
        }
    }

    private static void delete(Connection connection, List<OutboxRow> acknowledged) throws SQLException {
        if (acknowledged.isEmpty()) {
            return;
        }
        Long[] positions = acknowledged.stream().map(OutboxRow::position).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE position = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", positions));
            delete.executeUpdate();
        }
    }

    /** Removes the published rows' dead versions and index entries (the connection is in auto-commit). */
    private void vacuum(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM outbox_event");
        } catch (SQLException e) {
            report("Could not vacuum the outbox (" + e.getMessage() + "); polls slow down as published rows pile up");
        }
    }

    /** Logs a problem once, not on every retry, so an outage is one clear line in the log. */
    private void report(String problem) {
        if (!Objects.equals(problem, lastProblem)) {
            LOG.warn(problem);
            lastProblem = problem;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
