package org.memberaid.events.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer-group member on its own thread: poll a batch, apply it in one database
 * transaction, and only then commit the offsets. A failed batch is rewound and read again, so
 * nothing is skipped; a crash between commit and offset commit only redelivers what the inbox
 * already remembers. On assignment it resumes from the offsets stored with the effects (the
 * start of a partition never applied), never from the group's committed offsets, so the
 * database is the one record of what was applied.
 */
final class EventStreamConsumer {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);

    private final String name;
    private final Consumer<String, String> consumer;
    private final List<String> topics;
    private final String schema;
    private final EventInbox inbox;
    private final EventBatchHandler handler;
    private final Duration retryWait;
    private final Thread worker;
    private volatile boolean running = true;
    private String lastProblem;

    EventStreamConsumer(String name, Consumer<String, String> consumer, List<String> topics, String schema,
            EventInbox inbox, EventBatchHandler handler, Duration retryWait) {
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.schema = schema;
        this.inbox = inbox;
        this.handler = handler;
        this.retryWait = retryWait;
        this.worker = new Thread(this::run, "events-" + name);
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /** Leaves the group and waits (up to 10 s) for the batch in hand to finish. */
    void stop() {
        running = false;
        consumer.wakeup();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // offsets are committed after every batch; nothing is pending here
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    resumeFromStoredOffsets(partitions);
                }
            });
            while (running) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                if (!batch.isEmpty()) {
                    applyOrRewind(batch);
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to leave the poll
        } catch (RuntimeException e) {
            LOG.errorf(e, "Consumer %s stopped", name);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            LOG.debugf("Consumer %s closed and left its group", name);
        }
    }

    private void resumeFromStoredOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored;
        try {
            stored = inbox.storedOffsets(schema);
        } catch (RuntimeException e) {
            // The group's committed offsets are never ahead of the stored ones: nothing is skipped.
            report("Consumer " + name + " could not read its stored offsets (" + rootMessage(e) + ")");
            return;
        }
        List<TopicPartition> neverApplied = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            } else {
                neverApplied.add(partition);
            }
        }
        // Not the group's committed offset: it can be ahead of a commit the database did not keep.
        // (An empty collection would mean every assigned partition.)
        if (!neverApplied.isEmpty()) {
            consumer.seekToBeginning(neverApplied);
        }
    }

    private void applyOrRewind(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        try {
            inbox.receive(records, schema, handler);
        } catch (RuntimeException e) {
            report("Consumer " + name + " could not apply a batch (" + rootMessage(e) + "); it will be read again");
            rewind(batch);
            pause();
            return;
        }
        commitOffsets(batch);
        if (lastProblem != null) {
            LOG.infof("Consumer %s applies events again", name);
            lastProblem = null;
        }
    }

    private void commitOffsets(ConsumerRecords<String, String> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, String>> records = batch.records(partition);
            next.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(next);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // The effects are committed with their event ids: a redelivery is recognised and skipped.
            report("Consumer " + name + " could not commit offsets (" + rootMessage(e) + ")");
        }
    }

    private void rewind(ConsumerRecords<String, String> batch) {
        for (TopicPartition partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
    }

    private void report(String problem) {
        if (!Objects.equals(problem, lastProblem)) {
            LOG.warn(problem);
            lastProblem = problem;
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
