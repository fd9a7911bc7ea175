package org.memberaid.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What callers of {@link GroupCommit} rely on, without a database: a {@link HeldBatch} stands for
 * the transaction, holds its first batch until the test releases it (so that the next requests
 * queue up behind it) and records every batch it is given.
 */
class GroupCommitTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(10);

    private final HeldBatch batches = new HeldBatch();
    private GroupCommit<Integer, Integer> writer;

    @AfterEach
    void stopWriters() throws InterruptedException {
        batches.release();
        if (writer != null) {
            writer.stop();
        }
    }

    @Test
    void answersInSubmissionOrderWithinAndAcrossBatchesOfAtMostMaxBatch() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        writer = new GroupCommit<>("ordered", 1, 3, LONG_ENOUGH, batchSizes::add, batches);
        List<Integer> answered = Collections.synchronizedList(new ArrayList<>());

        List<CompletableFuture<Integer>> answers = submitAll(1, 8, answered);
        batches.release();

        assertThat(valuesOf(answers)).containsExactly(10, 20, 30, 40, 50, 60, 70, 80);
        assertThat(answered).as("answers complete in the order the requests came").containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(batches.written()).as("the first alone, the rest gathered in order, three at most")
                .containsExactly(List.of(1), List.of(2, 3, 4), List.of(5, 6, 7), List.of(8));
        assertThat(batchSizes).containsExactly(1, 3, 3, 1);
    }

    @Test
    void severalWritersNeverWriteMoreThanMaxBatchAndAnswerEveryRequest() throws Exception {
        writer = new GroupCommit<>("limited", 2, 4, LONG_ENOUGH, size -> { }, batches);

        List<CompletableFuture<Integer>> answers = submitAll(1, 40, null);
        batches.release();

        assertThat(valuesOf(answers)).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).map(n -> n * 10).boxed()
                .toList());
        assertThat(batches.written()).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 4));
        assertThat(batches.written()).flatExtracting(batch -> batch).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(batches.written()).allSatisfy(batch -> assertThat(batch).isSorted());
    }

    /**
     * The timeout bounds the caller's wait, not the write: a request whose batch (or the batch before
     * it) outlasts the answer timeout is answered {@link TimeoutException}, yet is still written, and
     * may well commit. The caller cannot tell, so it must retry idempotently.
     */
    @Test
    void aCallerWaitingLongerThanTheTimeoutGetsATimeoutButItsRequestIsStillWritten() throws Exception {
        writer = new GroupCommit<>("slow", 1, 10, Duration.ofMillis(200), size -> { }, batches);

        CompletableFuture<Integer> held = writer.submit(1);
        assertThat(batches.writing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> queuedBehind = writer.submit(2);

        assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> queuedBehind.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class);
        assertThat(batches.written()).as("nothing written yet: the timeout does not end the write").isEmpty();

        batches.release();

        assertThat(writer.submit(3).get(5, TimeUnit.SECONDS)).as("the writer goes on").isEqualTo(30);
        assertThat(batches.written()).flatExtracting(batch -> batch).containsExactly(1, 2, 3);
        assertThat(held).as("the late answer does not replace the timeout").isCompletedExceptionally();
    }

    @Test
    void aRefusedBatchIsWrittenAgainRequestByRequestSoOnlyTheGuiltyOneFails() throws Exception {
        batches.refuse(3);
        writer = new GroupCommit<>("retrying", 1, 10, LONG_ENOUGH, size -> { }, batches);

        List<CompletableFuture<Integer>> answers = submitAll(1, 4, null);
        batches.release();

        assertThat(answers.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(answers.get(3).get(5, TimeUnit.SECONDS)).isEqualTo(40);
        assertThatThrownBy(() -> answers.get(2).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("request 3 refused");
        assertThat(answers.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(batches.attempted()).as("the batch of three was refused, then each was written alone")
                .containsExactly(List.of(1), List.of(2, 3, 4), List.of(2), List.of(3), List.of(4));
        assertThat(batches.written()).containsExactly(List.of(1), List.of(2), List.of(4));
    }

    @Test
    void stopRefusesNewRequestsButWritesTheQueuedOnesBeforeItReturns() throws Exception {
        writer = new GroupCommit<>("stopping", 1, 10, LONG_ENOUGH, size -> { }, batches);
        List<CompletableFuture<Integer>> answers = submitAll(1, 3, null);
        Thread stopper = new Thread(this::stop, "stopper");
        stopper.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> stopper.getState() == Thread.State.TIMED_WAITING);

        CompletableFuture<Integer> late = writer.submit(4);
        assertThat(stopper.isAlive()).as("stop waits for the queued requests").isTrue();
        batches.release();

        stopper.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(stopper.isAlive()).as("stop returned").isFalse();
        assertThat(answers).as("answered before stop returned").allSatisfy(answer -> assertThat(answer).isDone());
        assertThat(valuesOf(answers)).containsExactly(10, 20, 30);
        assertThatThrownBy(late::get).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("The service is stopping");
        assertThat(writerThreadsAlive("stopping-")).as("the writer threads ended").isEmpty();
    }

    @Test
    void refusesAtOnceWhileItsQueueIsFullAndServesTheQueuedOnes() throws Exception {
        writer = new GroupCommit<>("test-writer", 1, 1, 2, LONG_ENOUGH, size -> { }, batches);
        CompletableFuture<Integer> first = writer.submit(1);
        assertThat(batches.writing.await(5, TimeUnit.SECONDS)).isTrue(); // the writer holds request 1
        List<CompletableFuture<Integer>> queued = new ArrayList<>(List.of(writer.submit(2), writer.submit(3)));

        CompletableFuture<Integer> refused = writer.submit(4);

        assertThat(refused).isCompletedExceptionally();
        try {
            refused.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GroupCommit.QueueFullException.class)
                    .hasMessageContaining("test-writer has 2 requests waiting");
        }
        batches.release();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(queued.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(queued.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(writer.submit(5).get(5, TimeUnit.SECONDS)).isEqualTo(50);
    }

    @Test
    void needsAWriterABatchOfOneAndRoomForOne() {
        assertThatThrownBy(() -> new GroupCommit<>("none", 0, 1, LONG_ENOUGH, size -> { }, batches))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit<>("empty", 1, 0, LONG_ENOUGH, size -> { }, batches))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCommit<>("full", 1, 1, 0, LONG_ENOUGH, size -> { }, batches))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Submits {@code from..to} once the writer holds the first one, so that the others queue up;
     * {@code answered}, when given, hears each answer as it completes.
     */
    private List<CompletableFuture<Integer>> submitAll(int from, int to, List<Integer> answered)
            throws InterruptedException {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int request = from; request <= to; request++) {
            CompletableFuture<Integer> answer = writer.submit(request);
            if (answered != null) {
                answer.thenAccept(value -> answered.add(value / 10));
            }
            answers.add(answer);
            if (request == from) {
                assertThat(batches.writing.await(5, TimeUnit.SECONDS)).as("the writer holds the first").isTrue();
            }
        }
        return answers;
    }

    /** Stops the writer; the stopping thread waits for the writers in a timed join. */
    private void stop() {
        try {
            writer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Integer> valuesOf(List<CompletableFuture<Integer>> answers) throws Exception {
        List<Integer> values = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            values.add(answer.get(5, TimeUnit.SECONDS));
        }
        return values;
    }

    private static List<Thread> writerThreadsAlive(String prefix) {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream().filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive()).toList();
    }

    /**
     * The transaction in these tests: answers each request ten times itself after "committing", holds
     * the first batch until {@link #release}, records the batches it commits and, like a database
     * refusing a row, throws for a batch that holds the refused request.
     */
    private static final class HeldBatch implements GroupCommit.Batch<Integer, Integer> {
        final CountDownLatch writing = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<List<Integer>> attempted = Collections.synchronizedList(new ArrayList<>());
        private final List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());
        private volatile int refused;

        void refuse(int request) {
            refused = request;
        }

        void release() {
            released.countDown();
        }

        List<List<Integer>> attempted() {
            return copy(attempted);
        }

        List<List<Integer>> written() {
            return copy(written);
        }

        private static List<List<Integer>> copy(List<List<Integer>> batches) {
            synchronized (batches) {
                return List.copyOf(batches);
            }
        }

        @Override
        public void write(List<GroupCommit.Pending<Integer, Integer>> batch) {
            writing.countDown();
            try {
                assertThat(released.await(10, TimeUnit.SECONDS)).as("released within the test").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            List<Integer> requests = batch.stream().map(GroupCommit.Pending::request).toList();
            attempted.add(requests);
            if (requests.contains(refused)) {
                throw new IllegalStateException("request " + refused + " refused");
            }
            written.add(requests);
            batch.forEach(pending -> pending.answer().complete(pending.request() * 10));
        }
    }
}
