package org.memberaid.reporting.events;

import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Writes member events to members.events as members-service would, for the consumer to read. */
final class MembersTopic implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    MembersTopic() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A CloudEvents envelope of a member event, as documented in members-service's README. */
    static String memberEvent(UUID eventId, String type, UUID memberId, long sequence, String countyCode,
            String registrationStatus) {
        return """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"%s","subject":"%s",
                 "time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","countyCode":"%s","registrationStatus":"%s","version":%d}}"""
                .formatted(eventId, type, memberId, sequence, memberId, countyCode, registrationStatus, sequence);
    }

    static String registered(UUID memberId, String countyCode) {
        return memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", memberId, 1, countyCode, "ACTIVE");
    }

    void send(UUID key, String value) {
        send(key.toString(), value);
    }

    void send(String key, String value) {
        try {
            producer.send(new ProducerRecord<>("members.events", key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

}
