package org.memberaid.reporting.projection;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.memberaid.database.DatabaseReady;
import org.memberaid.events.inbox.EventSubscription;
import org.memberaid.events.inbox.EventInbox;
import org.memberaid.events.inbox.EventStreams;
import org.memberaid.reporting.config.ReportingConfig;
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

    private static final Logger LOG = Logger.getLogger(Projections.class);

    @Inject
    ProjectionSchemas schemas;

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

    /**
     * database-bootstrap's setting, read where it is acted on: a mapping of {@code memberaid.database}
     * here would refuse that module's other keys as unknown.
     */
    @ConfigProperty(name = "memberaid.database.clean-before-migrate", defaultValue = "false")
    boolean cleanBeforeMigrate;

    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "projection-rebuild"));
    private volatile String active;
    private EventSubscription live;
    private EventSubscription building;
    private volatile RebuildStatus rebuild = new RebuildStatus("IDLE", null, null, null, null);

    void start(@Observes DatabaseReady ready) {
        if (cleanBeforeMigrate) {
            schemas.dropAll();
        }
        String schema = schemas.activeOrFirst();
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
        String schema = schemas.createNext();
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
        } catch (RuntimeException e) {
            LOG.warnf("Rebuild check failed (%s); trying again", e.getMessage());
            scheduleCheck();
        }
    }

    private synchronized boolean switchIfCaughtUp() {
        RebuildStatus running = rebuild;
        String old = active;
        long behind = eventsBehind(inbox.storedOffsets(running.schema()), inbox.storedOffsets(old));
        if (behind > 0) {
            rebuild = new RebuildStatus("RUNNING", running.schema(), running.startedAt(), null, behind);
            return false;
        }
        schemas.register(running.schema());
        active = running.schema();
        changes.everythingChanged();
        EventSubscription oldConsumer = live;
        live = building;
        building = null;
        rebuild = new RebuildStatus("SWITCHED", running.schema(), running.startedAt(), Instant.now(), 0L);
        LOG.infof("Reports now read the rebuilt projection %s; dropping %s", running.schema(), old);
        streams.stop(oldConsumer);
        schemas.drop(old);
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
}
