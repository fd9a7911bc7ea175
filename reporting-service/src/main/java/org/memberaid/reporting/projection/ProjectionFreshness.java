package org.memberaid.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.memberaid.reporting.events.Topics;

/**
 * Asks where the active projection stands (its stored offsets) and where the topics end (the
 * broker), for {@link Freshness}. A broker that does not answer makes the lag unknown, not the
 * answer fail: how stale the reports are matters most when something is down.
 */
@ApplicationScoped
public class ProjectionFreshness {

    /** The broker's end offsets, or why they could not be had. */
    private record Ends(Map<TopicPartition, Long> offsets, String problem) {
    }

    @Inject
    ProjectionReads reads;

    @Inject
    Projections projections;

    @Inject
    TopicPositions positions;

    public Freshness now() {
        Map<TopicPartition, AppliedPosition> applied = applied();
        Ends ends = ends();
        return Freshness.of(projections.active(), applied, ends.offsets(), ends.problem());
    }

    private Map<TopicPartition, AppliedPosition> applied() {
        return reads.read(connection -> {
            Map<TopicPartition, AppliedPosition> applied = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT topic, partition_no, next_offset, newest_event_time, applied_at FROM consumed_offset");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(new TopicPartition(rows.getString(1), rows.getInt(2)), new AppliedPosition(
                            rows.getLong(3), instant(rows.getTimestamp(4)), instant(rows.getTimestamp(5))));
                }
            }
            return applied;
        });
    }

    private Ends ends() {
        try {
            return new Ends(positions.endOffsets(Topics.ALL), null);
        } catch (ExecutionException | TimeoutException e) {
            return new Ends(Map.of(), (e.getCause() == null ? e : e.getCause()).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ends(Map.of(), "interrupted");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
