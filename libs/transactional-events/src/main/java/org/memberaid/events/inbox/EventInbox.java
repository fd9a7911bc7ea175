package org.memberaid.events.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.memberaid.events.CloudEvent;

/**
 * The transactional half of consumption: in one transaction it dead-letters records that break
 * the contract, remembers the ids of the new events, and lets the handler apply only those. A
 * batch delivered again finds its ids remembered and changes nothing.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    private final Counter deadLetters;

    @Inject
    public EventInbox(MeterRegistry registry) {
        this.deadLetters = Counter.builder("memberaid.events.dead.letters")
                .description("Records skipped because they could not be parsed or broke the event contract")
                .register(registry);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int receive(List<ConsumerRecord<String, String>> records, EventBatchHandler handler) {
        List<ConsumedEvent> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            String violation;
            try {
                CloudEvent event = json.readValue(record.value() == null ? "null" : record.value(), CloudEvent.class);
                violation = event == null ? "empty record" : event.contractViolation();
                if (violation == null) {
                    valid.add(new ConsumedEvent(record.topic(), record.partition(), record.offset(), event));
                    continue;
                }
            } catch (JsonProcessingException e) {
                violation = "not a CloudEvents JSON envelope: " + e.getOriginalMessage();
            }
            deadLetter(record, violation);
        }
        List<ConsumedEvent> fresh = rememberNew(valid);
        if (!fresh.isEmpty()) {
            handler.apply(fresh);
        }
        return fresh.size();
    }

    private List<ConsumedEvent> rememberNew(List<ConsumedEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        UUID[] ids = events.stream().map(consumed -> consumed.event().id()).toArray(UUID[]::new);
        Set<UUID> inserted = session().doReturningWork(connection -> insertIds(connection, ids));
        List<ConsumedEvent> fresh = new ArrayList<>(inserted.size());
        for (ConsumedEvent consumed : events) {
            // remove() also drops a second copy of the same event inside one batch
            if (inserted.remove(consumed.event().id())) {
                fresh.add(consumed);
            }
        }
        return fresh;
    }

    private static Set<UUID> insertIds(Connection connection, UUID[] ids) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO processed_event (event_id) SELECT unnest(?::uuid[])
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Skipping record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        deadLetters.increment();
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO dead_letter_event (topic, partition_no, record_offset, message_key, payload, reason)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, partition_no, record_offset) DO NOTHING""")) {
                insert.setString(1, record.topic());
                insert.setInt(2, record.partition());
                insert.setLong(3, record.offset());
                insert.setString(4, record.key());
                insert.setString(5, record.value());
                insert.setString(6, reason);
                insert.executeUpdate();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
