package org.memberaid.events.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * One consumer-group member on its own thread: poll a batch, apply it in one database
 * transaction, and only then commit the offsets. A failed batch is rewound and read again, so
 * nothing is skipped; a crash between commit and offset commit only redelivers what the inbox
 * already remembers. On assignment it resumes from the offsets stored with the effects (the
 * start of a partition never applied), never from the group's committed offsets, so the
 * database is the one record of what was applied.
 *
 * <p>A thread that dies of anything the loop does not handle (an error out of the handler, a
 * failing poll) closes its Kafka consumer and is started again, with a new one, after a growing
 * wait ({@link RestartBackoff}); meanwhile, until the new one has polled, {@link #health()} is DOWN
 * and names the cause. The restarted consumer resumes from the stored offsets, so nothing is lost.
 */
final class EventStreamConsumer {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);

    private final String name;
    private final Supplier<Consumer<String, String>> connect;
    private final List<String> topics;
    private final String schema;
    private final EventInbox inbox;
    private final EventBatchHandler handler;
    private final Duration retryWait;
    private final RestartBackoff restartBackoff;
    private volatile boolean running;
    /** Why the stream is not consuming, or null while it polls. */
    private volatile String down;
    private volatile int restarts;
    private String lastProblem;
    private Consumer<String, String> consumer;
    private Thread worker;
    private Instant launchedAt;

    /** {@code connect} makes a new Kafka consumer for every start and restart. */
    EventStreamConsumer(String name, Supplier<Consumer<String, String>> connect, List<String> topics, String schema,
            EventInbox inbox, EventBatchHandler handler, Duration retryWait, RestartBackoff restartBackoff) {
        this.name = name;
        this.connect = connect;
        this.topics = List.copyOf(topics);
        this.schema = schema;
        this.inbox = inbox;
        this.handler = handler;
        this.retryWait = retryWait;
        this.restartBackoff = restartBackoff;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        running = true;
        launch();
    }

    /** Leaves the group and waits (up to 10 s) for the batch in hand to finish; a pending restart never comes. */
    void stop() {
        Consumer<String, String> current;
        Thread thread;
        synchronized (this) {
            running = false;
            current = consumer;
            thread = worker;
        }
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** UP while the consumer polls; DOWN, with the reason, from its death until its restart has polled. */
    HealthCheckResponse health() {
        String problem = down;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events-" + name).status(problem == null)
                .withData("topics", String.join(",", topics))
                .withData("restarts", restarts);
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }

    /** Starts a new Kafka consumer on a new thread, unless the stream was stopped meanwhile. */
    private synchronized void launch() {
        if (!running) {
            return;
        }
        launchedAt = Instant.now();
        try {
            consumer = connect.get();
        } catch (RuntimeException e) {
            consumer = null;
            restartLater(e);
            return;
        }
        Consumer<String, String> kafka = consumer;
        worker = new Thread(() -> run(kafka), "events-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    private void run(Consumer<String, String> kafka) {
        Throwable death = null;
        try {
            consume(kafka);
        } catch (WakeupException e) {
            // stop() asked us to leave the poll; from anyone else it is a death like any other
            death = running ? e : null;
        } catch (Throwable e) {
            death = e;
        } finally {
            close(kafka);
        }
        if (death != null) {
            restartLater(death);
        }
    }

    private void close(Consumer<String, String> kafka) {
        try {
            kafka.close(Duration.ofSeconds(5));
            LOG.debugf("Consumer %s closed and left its group", name);
        } catch (RuntimeException e) {
            LOG.warnf("Consumer %s did not close cleanly (%s)", name, rootMessage(e));
        }
    }

    private synchronized void restartLater(Throwable death) {
        if (!running) {
            return;
        }
        Duration wait = restartBackoff.after(Duration.between(launchedAt, Instant.now()));
        down = "stopped by " + rootMessage(death) + "; restarting in " + wait;
        restarts++;
        LOG.errorf(death, "Consumer %s stopped; readiness is DOWN until it polls again, it restarts in %s", name, wait);
        CompletableFuture.runAsync(this::launch,
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void consume(Consumer<String, String> kafka) {
        kafka.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // offsets are committed after every batch; nothing is pending here
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                resumeFromStoredOffsets(kafka, partitions);
            }
        });
        while (running) {
            ConsumerRecords<String, String> batch = kafka.poll(Duration.ofMillis(500));
            if (down != null) {
                LOG.infof("Consumer %s polls again; readiness is UP", name);
                down = null;
            }
            if (!batch.isEmpty()) {
                applyOrRewind(kafka, batch);
            }
        }
    }

    private void resumeFromStoredOffsets(Consumer<String, String> kafka, Collection<TopicPartition> partitions) {
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
                kafka.seek(partition, offset);
            } else {
                neverApplied.add(partition);
            }
        }
        // Not the group's committed offset: it can be ahead of a commit the database did not keep.
        // (An empty collection would mean every assigned partition.)
        if (!neverApplied.isEmpty()) {
            kafka.seekToBeginning(neverApplied);
        }
    }

    private void applyOrRewind(Consumer<String, String> kafka, ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        try {
            inbox.receive(records, schema, handler);
        } catch (RuntimeException e) {
            report("Consumer " + name + " could not apply a batch (" + rootMessage(e) + "); it will be read again");
            rewind(kafka, batch);
            pause();
            return;
        }
        commitOffsets(kafka, batch);
        if (lastProblem != null) {
            LOG.infof("Consumer %s applies events again", name);
            lastProblem = null;
        }
    }

    private void commitOffsets(Consumer<String, String> kafka, ConsumerRecords<String, String> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, String>> records = batch.records(partition);
            next.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        try {
            kafka.commitSync(next);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // The effects are committed with their event ids: a redelivery is recognised and skipped.
            report("Consumer " + name + " could not commit offsets (" + rootMessage(e) + ")");
        }
    }

    private void rewind(Consumer<String, String> kafka, ConsumerRecords<String, String> batch) {
        for (TopicPartition partition : batch.partitions()) {
            kafka.seek(partition, batch.records(partition).get(0).offset());
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
