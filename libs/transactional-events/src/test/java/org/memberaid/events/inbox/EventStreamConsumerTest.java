package org.memberaid.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Where a consumer resumes after an assignment: pure logic, with Kafka's own MockConsumer in place of a poll. */
class EventStreamConsumerTest {

    private static final TopicPartition APPLIED = new TopicPartition("members.events", 0);
    private static final TopicPartition NEVER_APPLIED = new TopicPartition("members.events", 1);
    private static final RestartBackoff BACKOFF = new RestartBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));

    /** The stored offsets the database would give. */
    private static final class StoredOffsets extends EventInbox {
        private final Map<TopicPartition, Long> offsets;

        StoredOffsets(Map<TopicPartition, Long> offsets) {
            super(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            this.offsets = offsets;
        }

        @Override
        public Map<TopicPartition, Long> storedOffsets(String schema) {
            return offsets;
        }

        @Override
        public int receive(List<ConsumerRecord<String, String>> records, String schema, EventBatchHandler handler) {
            return 0;
        }
    }

    @Test
    void resumesEachPartitionFromItsStoredOffsetAndANeverAppliedOneFromItsStart() throws Exception {
        MockConsumer<String, String> kafka = new MockConsumer<>("earliest");
        kafka.updateBeginningOffsets(Map.of(APPLIED, 0L, NEVER_APPLIED, 0L));
        kafka.updateEndOffsets(Map.of(APPLIED, 500L, NEVER_APPLIED, 90L));
        // the group's committed offset of the never-applied partition is ahead of what the database kept
        kafka.commitSync(Map.of(NEVER_APPLIED, new org.apache.kafka.clients.consumer.OffsetAndMetadata(40L)));
        Map<TopicPartition, Long> positions = positionsAfterAssignment(kafka, Map.of(APPLIED, 420L));

        assertThat(positions).containsEntry(APPLIED, 420L).containsEntry(NEVER_APPLIED, 0L);
    }

    @Test
    void leavesPartitionsWithStoredOffsetsWhereTheyAreWhenNoneIsNew() throws Exception {
        List<Collection<TopicPartition>> seeksToBeginning = new CopyOnWriteArrayList<>();
        MockConsumer<String, String> kafka = new MockConsumer<>("earliest") {
            @Override
            public synchronized void seekToBeginning(Collection<TopicPartition> partitions) {
                // KafkaConsumer reads an empty collection as "every assigned partition"; MockConsumer does not
                seeksToBeginning.add(List.copyOf(partitions));
                super.seekToBeginning(partitions);
            }
        };
        kafka.updateBeginningOffsets(Map.of(APPLIED, 0L, NEVER_APPLIED, 0L));
        Map<TopicPartition, Long> positions = positionsAfterAssignment(kafka, Map.of(APPLIED, 420L, NEVER_APPLIED, 77L));

        assertThat(positions).containsEntry(APPLIED, 420L).containsEntry(NEVER_APPLIED, 77L);
        assertThat(seeksToBeginning).allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
    }

    /** Runs a consumer over {@code kafka} until both partitions are assigned; where it then reads each. */
    private static Map<TopicPartition, Long> positionsAfterAssignment(MockConsumer<String, String> kafka,
            Map<TopicPartition, Long> stored) {
        AtomicReference<Map<TopicPartition, Long>> positions = new AtomicReference<>();
        EventStreamConsumer stream = new EventStreamConsumer("test", () -> kafka, List.of("members.events"), null,
                new StoredOffsets(stored), events -> { }, Duration.ofMillis(10), BACKOFF);
        kafka.schedulePollTask(() -> kafka.rebalance(List.of(APPLIED, NEVER_APPLIED)));
        kafka.schedulePollTask(() -> positions.set(Map.of(APPLIED, kafka.position(APPLIED),
                NEVER_APPLIED, kafka.position(NEVER_APPLIED))));
        stream.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> positions.get() != null);
        } finally {
            stream.stop();
        }
        return positions.get();
    }
}
