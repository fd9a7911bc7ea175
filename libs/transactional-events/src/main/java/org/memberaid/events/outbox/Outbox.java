package org.memberaid.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.memberaid.events.CloudEvent;

/**
 * Records an event in the same database transaction as the change it describes. Nothing reaches
 * Kafka from here: {@link OutboxRelay} publishes committed rows, so a rolled-back change never
 * produces an event and a committed one is never lost when the broker is down.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "memberaid.events.source")
    String source;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, long sequence, Object data) {
        UUID eventId = UUID.randomUUID();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId, source, type, key,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), CloudEvent.JSON, sequence,
                json.valueToTree(data));
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, serialize(event))
                .executeUpdate();
        return eventId;
    }

    private String serialize(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be serialized", e);
        }
    }
}
