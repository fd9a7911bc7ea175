package org.memberaid.reporting.events;

import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.memberaid.deploy.kafka.TopicWriter;

/** Writes member events to members.events as members-service would, for the consumer to read. */
final class MembersTopic implements AutoCloseable {

    private final TopicWriter writer =
            new TopicWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    /** A CloudEvents envelope of a member event, as documented in members-service's README. */
    static String memberEvent(UUID eventId, String type, UUID memberId, long sequence, String countyCode,
            String registrationStatus) {
        return memberEvent(eventId, type, memberId, sequence, countyCode, registrationStatus, "NOT_IN_DIFFICULTY");
    }

    static String memberEvent(UUID eventId, String type, UUID memberId, long sequence, String countyCode,
            String registrationStatus, String hardshipStatus) {
        return """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"%s","subject":"%s",
                 "time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","countyCode":"%s","birthDate":"1960-01-01","hardshipStatus":"%s",
                  "registrationStatus":"%s","version":%d}}"""
                .formatted(eventId, type, memberId, sequence, memberId, countyCode, hardshipStatus, registrationStatus,
                        sequence);
    }

    static String registered(UUID memberId, String countyCode) {
        return memberEvent(UUID.randomUUID(), "memberaid.member.registered.v1", memberId, 1, countyCode, "ACTIVE");
    }

    void send(UUID key, String value) {
        send(key.toString(), value);
    }

    void send(String key, String value) {
        writer.send("members.events", key, value);
    }

    @Override
    public void close() {
        writer.close();
    }

}
