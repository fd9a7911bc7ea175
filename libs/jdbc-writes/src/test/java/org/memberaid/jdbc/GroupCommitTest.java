package org.memberaid.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void refusesAtOnceWhileItsQueueIsFullAndServesTheQueuedOnes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        GroupCommit<Integer, Integer> writer = new GroupCommit<>("test-writer", 1, 1, 2, Duration.ofSeconds(10),
                size -> { }, batch -> {
                    writing.countDown();
                    await(release);
                    batch.forEach(pending -> pending.answer().complete(pending.request() * 10));
                });
        CompletableFuture<Integer> first = writer.submit(1);
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue(); // the writer holds request 1
        List<CompletableFuture<Integer>> queued = new ArrayList<>(List.of(writer.submit(2), writer.submit(3)));

        CompletableFuture<Integer> refused = writer.submit(4);

        assertThat(refused).isCompletedExceptionally();
        try {
            refused.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GroupCommit.QueueFullException.class)
                    .hasMessageContaining("test-writer has 2 requests waiting");
        }
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(queued.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(queued.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(writer.submit(5).get(5, TimeUnit.SECONDS)).isEqualTo(50);
        writer.stop();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
