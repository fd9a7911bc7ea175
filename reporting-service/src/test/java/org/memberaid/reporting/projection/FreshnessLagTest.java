package org.memberaid.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The lag computed from the projection's stored positions and the broker's end offsets. */
class FreshnessLagTest {

    private static final TopicPartition MEMBERS_0 = new TopicPartition("members.events", 0);
    private static final TopicPartition MEMBERS_1 = new TopicPartition("members.events", 1);
    private static final TopicPartition RELIEF_0 = new TopicPartition("relief.events", 0);
    private static final Instant EARLIER = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant APPLIED = Instant.parse("2026-03-01T09:30:01Z");

    @Test
    void eachPartitionTrailsByWhatTheBrokerHoldsBeyondItsNextOffsetAndTheTotalSumsThem() {
        Freshness freshness = Freshness.of("projection_2",
                Map.of(MEMBERS_0, new AppliedPosition(10, EARLIER, APPLIED), RELIEF_0,
                        new AppliedPosition(5, LATER, APPLIED)),
                Map.of(MEMBERS_0, 13L, MEMBERS_1, 4L, RELIEF_0, 5L), null);

        assertThat(freshness.projection()).isEqualTo("projection_2");
        assertThat(freshness.asOf()).isEqualTo(LATER);
        assertThat(freshness.lag()).isEqualTo(7L);
        assertThat(freshness.brokerProblem()).isNull();
        assertThat(freshness.partitions()).containsExactly(
                new PartitionFreshness("members.events", 0, 9L, 13L, 3L, EARLIER, APPLIED),
                new PartitionFreshness("members.events", 1, null, 4L, 4L, null, null),
                new PartitionFreshness("relief.events", 0, 4L, 5L, 0L, LATER, APPLIED));
    }

    @Test
    void aPositionAheadOfTheBrokersEndIsNoNegativeLag() {
        Freshness freshness = Freshness.of("projection_1", Map.of(MEMBERS_0, new AppliedPosition(20, null, APPLIED)),
                Map.of(MEMBERS_0, 18L), null);

        assertThat(freshness.lag()).isZero();
        assertThat(freshness.partitions()).singleElement().extracting(PartitionFreshness::lag).isEqualTo(0L);
        assertThat(freshness.asOf()).isNull();
    }

    @Test
    void withoutTheBrokerTheLagIsUnknownNotZero() {
        Freshness freshness = Freshness.of("projection_1", Map.of(MEMBERS_0, new AppliedPosition(10, EARLIER, APPLIED)),
                Map.of(), "org.apache.kafka.common.errors.TimeoutException: timed out");

        assertThat(freshness.lag()).isNull();
        assertThat(freshness.brokerProblem()).contains("TimeoutException");
        assertThat(freshness.asOf()).isEqualTo(EARLIER);
        assertThat(freshness.partitions()).containsExactly(
                new PartitionFreshness("members.events", 0, 9L, null, null, EARLIER, APPLIED));
    }

    @Test
    void beforeAnythingIsAppliedEveryPartitionTrailsByAllItHolds() {
        Freshness freshness = Freshness.of("projection_1", Map.of(), Map.of(MEMBERS_0, 2L, RELIEF_0, 0L), null);

        assertThat(freshness.lag()).isEqualTo(2L);
        assertThat(freshness.asOf()).isNull();
        assertThat(freshness.partitions()).extracting(PartitionFreshness::appliedOffset).containsOnlyNulls();
    }
}
