package org.memberaid.reporting.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How fresh the reports are: the projection's position in every partition against the broker's end. */
@Schema(name = "Freshness")
public record Freshness(
        @Schema(nullable = true, description = "time of the newest event applied; null before the first")
        Instant asOf,
        @Schema(description = "the schema the reports read", examples = "projection_1") String projection,
        @Schema(nullable = true, description = "all partitions' lag; null when the broker is unreachable") Long lag,
        @Schema(nullable = true, description = "set when the broker could not be asked for its end offsets")
        String brokerProblem,
        List<PartitionFreshness> partitions) {

    private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    /**
     * Every partition either side knows, by topic and partition: its lag is the broker's end offset
     * less the projection's next one (never below zero; a partition never applied trails by all of it),
     * the total the sum of them. Without the broker's ends ({@code brokerProblem} says why) the lags
     * are unknown, not zero; {@code asOf} is the newest event time applied anywhere.
     */
    public static Freshness of(String projection, Map<TopicPartition, AppliedPosition> applied,
            Map<TopicPartition, Long> ends, String brokerProblem) {
        TreeSet<TopicPartition> all = new TreeSet<>(BY_TOPIC_AND_PARTITION);
        all.addAll(applied.keySet());
        all.addAll(ends.keySet());
        List<PartitionFreshness> partitions = new ArrayList<>();
        Instant asOf = null;
        Long totalLag = brokerProblem == null ? 0L : null;
        for (TopicPartition partition : all) {
            AppliedPosition done = applied.get(partition);
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
        return new Freshness(asOf, projection, totalLag, brokerProblem, partitions);
    }
}
