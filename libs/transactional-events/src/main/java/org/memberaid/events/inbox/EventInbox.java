package org.memberaid.events.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.memberaid.events.CloudEvent;

/**
 * The transactional half of consumption: in one transaction it dead-letters records that break
 * the contract, remembers the ids of the new events, and lets the handler apply only those. A
 * batch delivered again finds its ids remembered and changes nothing. When the database refuses
 * what the handler wrote, the batch is applied again record by record, so the one record it
 * refuses is dead-lettered with the database's reason and the others still apply.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    TopicSources sources;

    @Inject
    InboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Counter deadLetters;

    @Inject
    public EventInbox(MeterRegistry registry) {
        this.deadLetters = Counter.builder("memberaid.events.dead.letters")
                .description("Records skipped: unparsable, breaking the event contract, or refused by the database")
                .register(registry);
    }

    /**
     * Applies a batch in one transaction; returns how many new events the handler was given and
     * kept. With a {@code schema}, every table the inbox and the handler name without a schema is the
     * one in that schema (a consumer's own projection). When the database refuses the batch's data
     * ({@link DatabaseRefusal}), each record is applied in a transaction of its own and a record the
     * database refuses alone is dead-lettered. Any other failure is thrown and nothing is kept.
     */
    public int receive(List<ConsumerRecord<String, String>> records, String schema, EventBatchHandler handler) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyTogether(records, schema, handler));
        } catch (RuntimeException e) {
            String refusal = DatabaseRefusal.reason(e).orElseThrow(() -> e);
            LOG.warnf("The database refused a batch of %d records (%s); applying them one by one", records.size(),
                    refusal);
            int applied = 0;
            for (ConsumerRecord<String, String> record : records) {
                applied += receiveAlone(record, schema, handler);
            }
            return applied;
        }
    }

    /** One record in its own transaction; when the database refuses it, it is dead-lettered in another. */
    private int receiveAlone(ConsumerRecord<String, String> record, String schema, EventBatchHandler handler) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyTogether(List.of(record), schema, handler));
        } catch (RuntimeException e) {
            String refusal = DatabaseRefusal.reason(e).orElseThrow(() -> e);
            QuarkusTransaction.requiringNew().run(() -> {
                prepareTransaction(schema, true);
                deadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(), refusal);
                Position position = new Position();
                position.advance(record.offset(), null);
                storePositions(Map.of(new TopicPartition(record.topic(), record.partition()), position));
            });
            return 0;
        }
    }

    /** Checks, dedupes and applies records, and stores where their partitions resume, in the current transaction. */
    private int applyTogether(List<ConsumerRecord<String, String>> records, String schema, EventBatchHandler handler) {
        prepareTransaction(schema, true);
        List<ConsumedEvent> valid = new ArrayList<>(records.size());
        Map<TopicPartition, Position> positions = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String violation;
            Instant time = null;
            try {
                CloudEvent event = json.readValue(record.value() == null ? "null" : record.value(), CloudEvent.class);
                violation = event == null ? "empty record" : event.contractViolation();
                if (violation == null) {
                    violation = sourceViolation(record.topic(), event);
                }
                if (violation == null) {
                    time = eventTime(event);
                    valid.add(new ConsumedEvent(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value(), event));
                }
            } catch (JsonProcessingException e) {
                violation = "not a CloudEvents JSON envelope: " + e.getOriginalMessage();
            }
            if (violation != null) {
                deadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(), violation);
            }
            positions.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new Position())
                    .advance(record.offset(), time);
        }
        List<ConsumedEvent> fresh = rememberNew(valid);
        if (!fresh.isEmpty()) {
            handler.apply(fresh);
        }
        storePositions(positions);
        return fresh.size();
    }

    /** An event from another source than its topic's owner is not applied, whatever it says. */
    private String sourceViolation(String topic, CloudEvent event) {
        String expected = sources.of(topic).orElse(null);
        if (expected == null) {
            return "no source configured for " + topic + " (memberaid.consumer.source.\"" + topic + "\")";
        }
        return expected.equals(event.source()) ? null
                : "source must be " + expected + " on " + topic + ", found " + event.source();
    }

    /** Where each partition resumes, as committed with the effects; partitions never applied are absent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<TopicPartition, Long> storedOffsets(String schema) {
        prepareTransaction(schema, false);
        return session().doReturningWork(connection -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT topic, partition_no, next_offset FROM consumed_offset");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
            return offsets;
        });
    }

    /**
     * For handlers: an event that parsed but whose data breaks the contract is kept with the
     * reason and skipped, inside the batch's transaction, so the rest of the batch still applies.
     */
    public void deadLetter(ConsumedEvent consumed, String reason) {
        deadLetter(consumed.topic(), consumed.partition(), consumed.offset(), consumed.key(), consumed.payload(), reason);
    }

    /** Points the transaction at the consumer's schema and, for a batch that writes, commits it asynchronously. */
    private void prepareTransaction(String schema, boolean writing) {
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a plain schema name: " + schema);
        }
        StringBuilder settings = new StringBuilder();
        if (schema != null) {
            settings.append("SET LOCAL search_path TO ").append(schema).append(", public;");
        }
        if (writing && !config.synchronousCommit()) {
            // A batch lost in a crash is lost with its stored offsets and is read again.
            settings.append("SET LOCAL synchronous_commit TO off;");
        }
        if (settings.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(settings.toString());
            }
        });
    }

    private void storePositions(Map<TopicPartition, Position> positions) {
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO consumed_offset (topic, partition_no, next_offset, newest_event_time, applied_at)
                    VALUES (?, ?, ?, ?, now())
                    ON CONFLICT (topic, partition_no) DO UPDATE
                    SET next_offset = GREATEST(consumed_offset.next_offset, excluded.next_offset),
                        newest_event_time = GREATEST(consumed_offset.newest_event_time, excluded.newest_event_time),
                        applied_at = excluded.applied_at""")) {
                for (Map.Entry<TopicPartition, Position> entry : positions.entrySet()) {
                    upsert.setString(1, entry.getKey().topic());
                    upsert.setInt(2, entry.getKey().partition());
                    upsert.setLong(3, entry.getValue().nextOffset);
                    upsert.setObject(4, entry.getValue().newestTime == null ? null
                            : OffsetDateTime.ofInstant(entry.getValue().newestTime, ZoneOffset.UTC));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    private static Instant eventTime(CloudEvent event) {
        if (event.time() == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(event.time()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The next offset of a partition and the newest event time seen in a batch. */
    private static final class Position {
        long nextOffset;
        Instant newestTime;

        void advance(long offset, Instant time) {
            nextOffset = Math.max(nextOffset, offset + 1);
            if (time != null && (newestTime == null || time.isAfter(newestTime))) {
                newestTime = time;
            }
        }
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

    private void deadLetter(String topic, int partition, long offset, String key, String payload, String reason) {
        LOG.warnf("Skipping record %s-%d@%d: %s", topic, partition, offset, reason);
        int inserted = session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO dead_letter_event (topic, partition_no, record_offset, message_key, payload, reason)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, partition_no, record_offset) DO NOTHING""")) {
                insert.setString(1, topic);
                insert.setInt(2, partition);
                insert.setLong(3, offset);
                insert.setString(4, key);
                insert.setString(5, payload);
                insert.setString(6, reason);
                return insert.executeUpdate();
            }
        });
        countOnCommit(inserted);
    }

    /**
     * Adds dead-letter rows to the counter once their transaction has committed: a batch the
     * database refuses rolls back the rows it wrote and writes them again record by record, and
     * only the committed ones exist. One synchronization per transaction carries its count.
     */
    private void countOnCommit(int rows) {
        if (rows == 0) {
            return;
        }
        CommittedDeadLetters pending = (CommittedDeadLetters) transactions.getResource(CommittedDeadLetters.class);
        if (pending == null) {
            pending = new CommittedDeadLetters(deadLetters);
            transactions.putResource(CommittedDeadLetters.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.rows += rows;
    }

    /** The dead-letter rows one transaction wrote, counted when it commits. */
    private static final class CommittedDeadLetters implements Synchronization {
        private final Counter counter;
        int rows;

        CommittedDeadLetters(Counter counter) {
            this.counter = counter;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                counter.increment(rows);
            }
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
