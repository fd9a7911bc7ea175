package org.memberaid.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose thread dies of something its loop does not handle is closed, reported DOWN,
 * and started again with a new Kafka consumer that goes on consuming; Kafka's MockConsumer in
 * place of a broker, an inbox that hands the records straight to the handler.
 */
class EventStreamRestartTest {

    private static final TopicPartition PARTITION = new TopicPartition("members.events", 0);

    /** Applies what was polled without a database; no partition was ever applied. */
    private static final class DirectInbox extends EventInbox {

        DirectInbox() {
            super(new SimpleMeterRegistry());
        }

        @Override
        public Map<TopicPartition, Long> storedOffsets(String schema) {
            return Map.of();
        }

        @Override
        public int receive(List<ConsumerRecord<String, String>> records, String schema, EventBatchHandler handler) {
            handler.apply(records.stream().map(record -> new ConsumedEvent(record.topic(), record.partition(),
                    record.offset(), record.key(), record.value(), null)).toList());
            return records.size();
        }
    }

    private final List<MockConsumer<String, String>> connected = new CopyOnWriteArrayList<>();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    /** Holds the restart until the test has seen the stream DOWN. */
    private final CountDownLatch restartAllowed = new CountDownLatch(1);
    private EventStreamConsumer stream;

    @AfterEach
    void stop() {
        restartAllowed.countDown();
        if (stream != null) {
            stream.stop();
        }
    }

    @Test
    void restartsAfterTheHandlerThrowsAnErrorAndReadsTheBatchAgain() {
        AtomicBoolean failed = new AtomicBoolean();
        start(kafka -> { }, events -> {
            if (failed.compareAndSet(false, true)) {
                throw new AssertionError("handler broke");
            }
            events.forEach(event -> applied.add(event.payload()));
        });

        assertDownNaming("AssertionError: handler broke");
        restartAllowed.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.contains("first"));
        assertThat(connected).hasSize(2);
        assertThat(connected.get(0).closed()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.health().getStatus() == HealthCheckResponse.Status.UP);
        assertThat(stream.health().getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("restarts", 1L));
    }

    @Test
    void restartsAfterAPollFailsWithARuntimeException() {
        start(kafka -> {
            if (connected.size() == 1) {
                kafka.setPollException(new KafkaException("broker said no"));
            }
        }, events -> events.forEach(event -> applied.add(event.payload())));

        assertDownNaming("KafkaException: broker said no");
        assertThat(applied).isEmpty();
        restartAllowed.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.contains("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.health().getStatus() == HealthCheckResponse.Status.UP);
        assertThat(connected.get(0).closed()).isTrue();
    }

    /**
     * Starts a stream whose every Kafka consumer is assigned the partition and then finds one record
     * on it; {@code prepare} may break the consumer it is given. Every consumer after the first waits
     * for {@link #restartAllowed}.
     */
    private void start(Consumer<MockConsumer<String, String>> prepare, EventBatchHandler handler) {
        stream = new EventStreamConsumer("test", () -> {
            if (!connected.isEmpty()) {
                awaitRestartAllowed();
            }
            MockConsumer<String, String> kafka = new MockConsumer<>("earliest");
            kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
            kafka.schedulePollTask(() -> kafka.rebalance(List.of(PARTITION)));
            kafka.schedulePollTask(() -> kafka.addRecord(
                    new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), 0, "key", "first")));
            connected.add(kafka);
            prepare.accept(kafka);
            return kafka;
        }, List.of(PARTITION.topic()), null, new DirectInbox(), handler, Duration.ofMillis(10),
                new RestartBackoff(Duration.ofMillis(20), Duration.ofSeconds(1)));
        stream.start();
    }

    private void awaitRestartAllowed() {
        try {
            assertThat(restartAllowed.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertDownNaming(String cause) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.health().getStatus() == HealthCheckResponse.Status.DOWN);
        HealthCheckResponse health = stream.health();
        assertThat(health.getName()).isEqualTo("events-test");
        assertThat(health.getData()).hasValueSatisfying(data -> assertThat(String.valueOf(data.get("problem")))
                .contains(cause));
    }
}
