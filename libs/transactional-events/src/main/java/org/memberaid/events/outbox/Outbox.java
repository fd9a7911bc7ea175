package org.memberaid.events.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.database.TimeOrderedUuids;
import org.memberaid.events.CloudEvent;

/**
 * Records events in the same database transaction as the change they describe. Nothing reaches
 * Kafka from here: {@link OutboxRelay} publishes committed rows, so a rolled-back change never
 * produces an event and a committed one is never lost when the broker is down.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?)";

    /**
     * An event to record: its topic, its key (the aggregate id), type, sequence and data, and the
     * actor who made the change (the token's subject; the CloudEvents extension attribute
     * {@code actor}), or null for a change no person made.
     */
    public record Event(String topic, String key, String type, long sequence, Object data, String actor) {

        public Event(String topic, String key, String type, long sequence, Object data) {
            this(topic, key, type, sequence, data, null);
        }
    }

    /** The CloudEvents envelope as written: data is serialised once, straight from the caller's object. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Envelope(String specversion, UUID id, String source, String type, String subject, String time,
            String datacontenttype, long sequence, String actor, Object data) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    EventSourceConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, long sequence, Object data) {
        return appendAll(List.of(new Event(topic, key, type, sequence, data))).get(0);
    }

    /** As {@link #append(String, String, String, long, Object)}, naming the actor who made the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, long sequence, Object data, String actor) {
        return appendAll(List.of(new Event(topic, key, type, sequence, data, actor))).get(0);
    }

    /** Records several events with one batched statement; returns their event ids in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<Event> events) {
        Session session = entityManager.unwrap(Session.class);
        // Pending entity changes go first, so the rows the events describe precede them.
        session.flush();
        return session.doReturningWork(connection -> appendAll(connection, events));
    }

    /**
     * Records events on a plain JDBC transaction (see {@code JdbcTransactions}) with one batched
     * statement; returns their event ids in order.
     */
    public List<UUID> appendAll(Connection connection, List<Event> events) throws SQLException {
        List<Object[]> rows = rows(events);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return rows.stream().map(row -> (UUID) row[0]).toList();
    }

    /**
     * Records events on a plain JDBC transaction (see {@code JdbcTransactions}): their rows join the
     * writes the caller sends in one round trip with the change they describe.
     */
    public void appendTo(StatementPipeline writes, List<Event> events) {
        rows(events).forEach(row -> writes.addRow(INSERT, row));
    }

    /** The outbox row of each event: a new event id, and the CloudEvent as its payload. */
    private List<Object[]> rows(List<Event> events) {
        String source = config.source().orElseThrow(() -> new IllegalStateException(
                "No source for the events this service publishes: set memberaid.events.source"));
        String time = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return events.stream().map(event -> {
            UUID id = TimeOrderedUuids.next();
            return new Object[] {id, event.topic(), event.key(), event.type(), serialize(new Envelope(
                    CloudEvent.SPEC_VERSION, id, source, event.type(), event.key(), time, CloudEvent.JSON,
                    event.sequence(), event.actor(), event.data()))};
        }).toList();
    }

    private String serialize(Envelope event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be serialized", e);
        }
    }
}
