package org.memberaid.events.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts consumers of memberaid's topics with the settings the inbox depends on, and stops them. */
@ApplicationScoped
public class EventStreams {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EventInbox inbox;

    @Inject
    TopicSources sources;

    @ConfigProperty(name = "memberaid.consumer.max-poll-records", defaultValue = "2000")
    int maxPollRecords;

    /** How long the broker may hold a fetch to fill it: larger batches, far fewer transactions under load. */
    @ConfigProperty(name = "memberaid.consumer.fetch-max-wait", defaultValue = "100ms")
    Duration fetchMaxWait;

    @ConfigProperty(name = "memberaid.consumer.retry-wait", defaultValue = "1s")
    Duration retryWait;

    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

    public EventSubscription subscribe(String groupId, List<String> topics, EventBatchHandler handler) {
        return subscribe(groupId, topics, null, 1, handler);
    }

    /**
     * Starts {@code consumers} members of one consumer group, each on its own thread with its
     * share of the partitions; their inbox tables and effects live in {@code schema} (null: the
     * connection's default), so one service can build a second projection beside the first. The
     * handler is called concurrently by the consumers, each with its own partitions' events. Each
     * topic needs its events' source configured ({@link TopicSources}); an event from another source
     * is dead-lettered.
     */
    public EventSubscription subscribe(String groupId, List<String> topics, String schema, int consumers,
            EventBatchHandler handler) {
        for (String topic : topics) {
            if (sources.of(topic).isEmpty()) {
                throw new IllegalStateException("No source configured for " + topic
                        + ": set memberaid.consumer.source.\"" + topic + "\" to the source its events must carry");
            }
        }
        List<EventStreamConsumer> started = new ArrayList<>(consumers);
        for (int i = 0; i < consumers; i++) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            // Offsets are committed by hand, after the database transaction that applied the batch.
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
            config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
            config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchMaxWait.toMillis());
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid() + "-" + i);
            KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            EventStreamConsumer stream = new EventStreamConsumer(groupId + "-" + i, consumer, topics, schema, inbox,
                    handler, retryWait);
            started.add(stream);
            stream.start();
        }
        EventSubscription subscription = new EventSubscription(started);
        subscriptions.add(subscription);
        return subscription;
    }

    public void stop(EventSubscription subscription) {
        subscriptions.remove(subscription);
        subscription.stop();
    }

    void stop(@Observes ShutdownEvent event) {
        subscriptions.forEach(EventSubscription::stop);
        subscriptions.clear();
    }
}
