package org.memberaid.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.memberaid.access.Role;
import org.memberaid.reporting.events.Topics;
import org.memberaid.reporting.projection.Projections;
import org.memberaid.reporting.projection.TopicPositions;

@Path("/api/reports/freshness")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
// How far the projection trails the topics is the same for every region: no region scope.
@RolesAllowed({ Role.ANALYST, Role.ADMIN, Role.AUDITOR })
public class FreshnessResource {

    @Schema(name = "PartitionFreshness")
    public record PartitionFreshness(@Schema(examples = "members.events") String topic, int partition,
            @Schema(nullable = true, description = "last offset applied; null before the first") Long appliedOffset,
            @Schema(nullable = true,
                    description = "the broker's end offset (next to be written); null when the broker is unreachable")
            Long endOffset,
            @Schema(nullable = true, description = "records written but not yet applied; null when the broker is "
                    + "unreachable") Long lag,
            @Schema(nullable = true) Instant newestEventTime, @Schema(nullable = true) Instant appliedAt) {
    }

    @Schema(name = "Freshness")
    public record Freshness(
            @Schema(nullable = true, description = "time of the newest event applied; null before the first")
            Instant asOf,
            @Schema(description = "the schema the reports read", examples = "projection_1") String projection,
            @Schema(nullable = true, description = "all partitions' lag; null when the broker is unreachable") Long lag,
            @Schema(nullable = true, description = "set when the broker could not be asked for its end offsets")
            String brokerProblem,
            List<PartitionFreshness> partitions) {
    }

    private record Applied(long nextOffset, Instant newestEventTime, Instant appliedAt) {
    }

    @Inject
    Projections projections;

    @Inject
    TopicPositions positions;

    @GET
    @Operation(operationId = "reportFreshness", summary = "How fresh the reports are",
            description = "Per topic and partition the last offset applied, the broker's end offset and the lag, "
                    + "and asOf (the time of the newest event applied).")
    @APIResponse(responseCode = "200", description = "The projection's position in each partition",
            headers = @Header(name = ReportResource.AS_OF, ref = ReportResource.AS_OF),
            content = @Content(schema = @Schema(implementation = Freshness.class)))
    public RestResponse<Freshness> freshness() throws SQLException {
        Map<TopicPartition, Applied> applied = applied();
        Map<TopicPartition, Long> ends = Map.of();
        String problem = null;
        try {
            ends = positions.endOffsets(Topics.ALL);
        } catch (ExecutionException | TimeoutException e) {
            problem = (e.getCause() == null ? e : e.getCause()).toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        TreeSet<TopicPartition> all = new TreeSet<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        all.addAll(applied.keySet());
        all.addAll(ends.keySet());
        List<PartitionFreshness> partitions = new ArrayList<>();
        Instant asOf = null;
        Long totalLag = problem == null ? 0L : null;
        for (TopicPartition partition : all) {
            Applied done = applied.get(partition);
            long next = done == null ? 0 : done.nextOffset();
            Long end = ends.get(partition);
            Long lag = end == null ? null : Math.max(0, end - next);
            if (totalLag != null && lag != null) {
                totalLag += lag;
            }
            if (done != null && done.newestEventTime() != null
                    && (asOf == null || done.newestEventTime().isAfter(asOf))) {
                asOf = done.newestEventTime();
            }
            partitions.add(new PartitionFreshness(partition.topic(), partition.partition(),
                    done == null ? null : next - 1, end, lag, done == null ? null : done.newestEventTime(),
                    done == null ? null : done.appliedAt()));
        }
        RestResponse.ResponseBuilder<Freshness> response = RestResponse.ResponseBuilder.ok(
                new Freshness(asOf, projections.active(), totalLag, problem, partitions));
        if (asOf != null) {
            response.header(ReportResource.AS_OF, asOf.toString());
        }
        return response.build();
    }

    private Map<TopicPartition, Applied> applied() throws SQLException {
        Map<TopicPartition, Applied> applied = new HashMap<>();
        try (Connection connection = projections.readConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT topic, partition_no, next_offset, newest_event_time, applied_at FROM consumed_offset");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(new TopicPartition(rows.getString(1), rows.getInt(2)),
                            new Applied(rows.getLong(3), instant(rows.getTimestamp(4)), instant(rows.getTimestamp(5))));
                }
            } finally {
                connection.rollback();
            }
        }
        return applied;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
