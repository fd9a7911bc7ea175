package org.memberaid.members.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.memberaid.database.JdbcTransactions;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.Member;

/**
 * Writes registrations that arrive together in one transaction ("group commit"): a writer thread
 * takes every registration waiting (up to a batch's limit), writes them with {@link NewMembers}
 * (one statement for their members, one for their events, one for their assessments) and commits
 * once; each caller's answer completes with the commit of its own registration. Nothing waits on
 * purpose: while one batch commits, the next one gathers, so a lone registrar's batch is their own
 * registration.
 *
 * <p>Why: every transaction costs PostgreSQL a WAL flush and each statement a round trip, the
 * service a connection checkout and wake-ups; under census-time bursts those, not the rows, were
 * most of the cost of a registration.
 *
 * <p>Answers stay one's own: a national ID registered already (before, or by an earlier registration
 * of the same batch) is that registration's 409 and adds nothing; if the database refuses the batch
 * (a row it rejects, a lost connection), each registration is written again alone, so one
 * registration's failure is never another's.
 */
@Startup
@ApplicationScoped
public class RegistrationWriter {

    private static final String ASSESSMENT_NOTE = "assessed at registration";
    private static final Logger LOG = Logger.getLogger(RegistrationWriter.class);

    private record Pending(Member member, CompletableFuture<Void> committed) {
    }

    /** How often an idle writer looks whether the service is stopping. */
    private static final long IDLE_CHECK_MILLIS = 100;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopped;
    private DistributionSummary batchSizes;

    @Inject
    JdbcTransactions transactions;

    @Inject
    NewMembers newMembers;

    @Inject
    MeterRegistry meters;

    /**
     * Writer threads, each writing its own batches: while one waits for its commit (the WAL flush),
     * another can write.
     */
    @ConfigProperty(name = "memberaid.registration.writers", defaultValue = "2")
    int writerCount;

    /** The most registrations one transaction writes. */
    @ConfigProperty(name = "memberaid.registration.max-batch", defaultValue = "256")
    int maxBatch;

    /** How long a registration waits for its commit before it is answered with an error. */
    @ConfigProperty(name = "memberaid.registration.commit-timeout", defaultValue = "30s")
    Duration commitTimeout;

    @PostConstruct
    void start() {
        batchSizes = DistributionSummary.builder("memberaid.registration.batch.size")
                .description("Registrations written by one transaction").register(meters);
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::writeUntilStopped, "registration-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /**
     * Queues a new member ({@code Member.register}) to be written with its event and, in difficulty, its first
     * assessment. The answer completes, on the writer's thread, once that is committed; it fails with
     * {@link DuplicateNationalIdException} when the national ID is registered already, with
     * {@link JdbcTransactions.DatabaseException} when the database refused the registration. Never
     * blocks: callers may be on the event loop.
     */
    public CompletableFuture<Void> register(Member member) {
        if (stopped) {
            return CompletableFuture.failedFuture(new IllegalStateException("The service is stopping"));
        }
        Pending pending = new Pending(member, new CompletableFuture<>());
        queue.add(pending);
        return pending.committed().orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registrations waiting for a writer (for tests). */
    int waiting() {
        return queue.size();
    }

    /** Writer threads (for tests). */
    int writerCount() {
        return writerCount;
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>();
        // After stop(), what is still queued is written before the writers end.
        while (!stopped || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            batchSizes.record(batch.size());
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        try {
            NewMembers.Written written = transactions.run(connection ->
                    newMembers.write(connection, batch.stream().map(Pending::member).toList(), ASSESSMENT_NOTE));
            for (Pending pending : batch) {
                if (written.registered(pending.member())) {
                    pending.committed().complete(null);
                } else {
                    pending.committed().completeExceptionally(new DuplicateNationalIdException(
                            written.holderOfSkipped().get(pending.member().nationalId)));
                }
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).committed().completeExceptionally(e);
                return;
            }
            LOG.debugf(e, "A batch of %d registrations failed; writing each alone", batch.size());
            batch.forEach(pending -> write(List.of(pending)));
        }
    }
}
