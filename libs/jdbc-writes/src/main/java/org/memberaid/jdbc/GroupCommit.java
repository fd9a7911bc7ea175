package org.memberaid.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Writes requests that arrive together in one transaction ("group commit"): writer threads each
 * take every request waiting (up to a batch's limit), hand them to the {@link Batch} and start
 * again; each caller's answer completes when its batch has committed. Nothing waits on purpose:
 * while one batch commits, the next one gathers, so a lone caller's batch is their own request.
 *
 * <p>Why: every transaction costs PostgreSQL a WAL flush and each statement a round trip, the
 * service a connection checkout and wake-ups; under load those, not the rows, were most of the
 * cost of a short write.
 *
 * <p>Answers stay one's own. A {@link Batch} decides each request's answer (success or a failure
 * of that request alone, such as a rule it breaks) and completes the answers only after its
 * commit. If it throws instead (the database refused the batch, a lost connection), nothing was
 * committed and nothing answered: each request of the batch is written again alone, so one
 * request's failure is never another's; a request that fails alone gets that failure.
 *
 * @param <T> what a caller asks for
 * @param <R> the answer
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** How often an idle writer looks whether the service is stopping. */
    private static final long IDLE_CHECK_MILLIS = 100;

    /** One request and its answer. */
    public static final class Pending<T, R> {
        private final T request;
        private final CompletableFuture<R> answer = new CompletableFuture<>();

        Pending(T request) {
            this.request = request;
        }

        public T request() {
            return request;
        }

        /** The answer; complete it only after the batch's commit. */
        public CompletableFuture<R> answer() {
            return answer;
        }
    }

    /**
     * Writes a batch in one transaction and, after its commit, completes every answer; throws,
     * with no answer completed, when the transaction did not commit.
     */
    @FunctionalInterface
    public interface Batch<T, R> {
        void write(List<Pending<T, R>> batch);
    }

    /**
     * Completes each answer of a committed batch with its outcome, in order: a failure of that
     * request alone (a {@link RuntimeException}) or its answer.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> void complete(List<Pending<T, R>> batch, List<?> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof RuntimeException failure) {
                batch.get(i).answer.completeExceptionally(failure);
            } else {
                batch.get(i).answer.complete((R) outcome);
            }
        }
    }

    /** Requests a writer may have waiting before new ones are refused, unless the constructor says otherwise. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /**
     * A request refused because {@link #DEFAULT_CAPACITY its queue} is full: the service is behind
     * and the caller should retry in a moment (answered 503 with Retry-After).
     */
    public static class QueueFullException extends RejectedExecutionException {
        public QueueFullException(String name, int capacity) {
            super(name + " has " + capacity + " requests waiting already; retry in a moment");
        }
    }

    private final BlockingQueue<Pending<T, R>> queue;
    private final String name;
    private final int capacity;
    private final List<Thread> writers = new ArrayList<>();
    private final int maxBatch;
    private final Duration answerTimeout;
    private final IntConsumer batchSizes;
    private final Batch<T, R> batch;
    private volatile boolean stopped;

    /**
     * Starts {@code writerCount} writer threads named {@code name-N}: while one waits for its
     * commit (the WAL flush), another can write. {@code batchSizes} hears the size of each batch.
     */
    public GroupCommit(String name, int writerCount, int maxBatch, Duration answerTimeout, IntConsumer batchSizes,
            Batch<T, R> batch) {
        this(name, writerCount, maxBatch, DEFAULT_CAPACITY, answerTimeout, batchSizes, batch);
    }

    /** As above, refusing new requests while {@code capacity} are waiting ({@link QueueFullException}). */
    public GroupCommit(String name, int writerCount, int maxBatch, int capacity, Duration answerTimeout,
            IntConsumer batchSizes, Batch<T, R> batch) {
        if (writerCount < 1 || maxBatch < 1 || capacity < 1) {
            throw new IllegalArgumentException("At least one writer, a batch of at least one and room for one");
        }
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.name = name;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.answerTimeout = answerTimeout;
        this.batchSizes = batchSizes;
        this.batch = batch;
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::writeUntilStopped, name + "-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * Queues a request; its answer completes on a writer's thread after the commit (or fails after
     * the answer timeout, or at once with {@link QueueFullException} when the queue is full). Never
     * blocks: callers may be on the event loop.
     */
    public CompletableFuture<R> submit(T request) {
        if (stopped) {
            return CompletableFuture.failedFuture(new IllegalStateException("The service is stopping"));
        }
        Pending<T, R> pending = new Pending<>(request);
        if (!queue.offer(pending)) {
            return CompletableFuture.failedFuture(new QueueFullException(name, capacity));
        }
        return pending.answer.orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Refuses new requests, writes what is queued, then waits (up to 10 s) for the writers to end. */
    public void stop() throws InterruptedException {
        stopped = true;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Requests waiting for a writer. */
    public int waiting() {
        return queue.size();
    }

    public int writerCount() {
        return writers.size();
    }

    private void writeUntilStopped() {
        List<Pending<T, R>> taken = new ArrayList<>();
        while (!stopped || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(taken, maxBatch - 1);
            batchSizes.accept(taken.size());
            write(taken);
            taken.clear();
        }
    }

    private void write(List<Pending<T, R>> taken) {
        try {
            batch.write(taken);
        } catch (RuntimeException | Error e) {
            if (taken.size() == 1) {
                taken.get(0).answer.completeExceptionally(e);
                return;
            }
            LOG.debugf(e, "A batch of %d failed; writing each alone", taken.size());
            taken.forEach(pending -> write(List.of(pending)));
        }
    }
}
