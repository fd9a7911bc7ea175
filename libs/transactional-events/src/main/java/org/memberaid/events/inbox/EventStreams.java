package org.memberaid.events.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.Readiness;

/** Starts consumers of memberaid's topics with the settings the inbox depends on, and stops them. */
@ApplicationScoped
public class EventStreams {

    /** How long a consumer that stopped heartbeating keeps its partitions (heartbeats every 3 s). */
    static final int DEFAULT_SESSION_TIMEOUT_MS = 10_000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EventInbox inbox;

    @Inject
    TopicSources sources;

    @Inject
    InboxConfig settings;

    /** Each consumer's check, named after it: DOWN while it is dead and waiting for its restart. */
    @Inject
    @Readiness
    HealthRegistry readiness;

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
            Map<String, Object> config = consumerConfig(groupId, i);
            EventStreamConsumer stream = new EventStreamConsumer(groupId + "-" + i,
                    () -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()), topics,
                    schema, inbox, handler, settings.retryWait(),
                    new RestartBackoff(settings.restartWait(), settings.restartMaxWait()));
            readiness.register(stream.name(), stream::health);
            started.add(stream);
            stream.start();
        }
        EventSubscription subscription = new EventSubscription(started);
        subscriptions.add(subscription);
        return subscription;
    }

    /** The settings the inbox depends on: offsets committed by hand, read from the start, committed records only. */
    private Map<String, Object> consumerConfig(String groupId, int member) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Offsets are committed by hand, after the database transaction that applied the batch.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // A member killed without leaving its group holds its partitions until its session expires;
        // Kafka's default of 45 s froze a restarted service's consumers that long (the system test's
        // kill -9 of reporting-service: caught up 49 s after the kill; 10 s here). kafka.session.timeout.ms
        // overrides it.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, DEFAULT_SESSION_TIMEOUT_MS);
        config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchMaxWait().toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid() + "-" + member);
        return config;
    }

    public void stop(EventSubscription subscription) {
        subscriptions.remove(subscription);
        end(subscription);
    }

    void stop(@Observes ShutdownEvent event) {
        subscriptions.forEach(this::end);
        subscriptions.clear();
    }

    /** Stops the subscription's consumers; readiness no longer waits for them. */
    private void end(EventSubscription subscription) {
        subscription.stop();
        subscription.consumers().forEach(stream -> readiness.remove(stream.name()));
    }
}
