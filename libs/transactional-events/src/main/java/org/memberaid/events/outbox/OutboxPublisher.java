package org.memberaid.events.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a batch of outbox rows with an idempotent, acks=all producer and says how long a prefix of
 * the batch the broker acknowledged. Only that prefix may leave the outbox: anything after the
 * first failure is sent again, in order, on the next attempt.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** How many rows, from the start of the batch, are acknowledged; and why the rest are not. */
    public record Outcome(int acknowledged, String failure) {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private Producer<String, String> producer;

    synchronized Outcome publish(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        String failure = null;
        try {
            Producer<String, String> kafka = producer();
            for (OutboxRow row : rows) {
                sent.add(kafka.send(toRecord(row)));
            }
        } catch (RuntimeException e) {
            failure = describe(e);
        }
        int acknowledged = 0;
        boolean prefixIntact = true;
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
                if (prefixIntact) {
                    acknowledged++;
                }
            } catch (ExecutionException e) {
                prefixIntact = false;
                failure = failure == null ? describe(e.getCause()) : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                prefixIntact = false;
                failure = failure == null ? "interrupted" : failure;
            }
        }
        if (failure != null) {
            // A producer that lost a batch may hold a broken idempotence state; start clean.
            close();
        }
        return new Outcome(acknowledged, failure);
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
            // Fail fast while the broker is away: the rows are safe in the outbox meanwhile.
            config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
            config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static ProducerRecord<String, String> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
