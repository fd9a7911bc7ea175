package org.memberaid.members.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.memberaid.database.GroupCommit;
import org.memberaid.database.JdbcTransactions;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.Member;

/**
 * Writes registrations that arrive together in one transaction ({@link GroupCommit}): a batch's
 * members in one statement, their events in one, their assessments in one ({@link NewMembers}), one
 * commit. Under census-time bursts the transactions and round trips, not the rows, were most of the
 * cost of a registration.
 *
 * <p>Answers stay one's own: a national ID registered already (before, or by an earlier registration
 * of the same batch) is that registration's 409 and adds nothing; if the database refuses the batch
 * (a row it rejects, a lost connection), each registration is written again alone.
 */
@Startup
@ApplicationScoped
public class RegistrationWriter {

    private static final String ASSESSMENT_NOTE = "assessed at registration";

    private GroupCommit<Member, Void> writers;

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
        DistributionSummary batchSizes = DistributionSummary.builder("memberaid.registration.batch.size")
                .description("Registrations written by one transaction").register(meters);
        writers = new GroupCommit<>("registration-writer", writerCount, maxBatch, commitTimeout, batchSizes::record,
                this::write);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writers.stop();
    }

    /**
     * Queues a new member ({@code Member.register}) to be written with its event and, in difficulty, its first
     * assessment. The answer completes, on the writer's thread, once that is committed; it fails with
     * {@link DuplicateNationalIdException} when the national ID is registered already, with
     * {@link JdbcTransactions.DatabaseException} when the database refused the registration. Never
     * blocks: callers may be on the event loop.
     */
    public CompletableFuture<Void> register(Member member) {
        return writers.submit(member);
    }

    /** Registrations waiting for a writer (for tests). */
    int waiting() {
        return writers.waiting();
    }

    /** Writer threads (for tests). */
    int writerCount() {
        return writers.writerCount();
    }

    private void write(List<GroupCommit.Pending<Member, Void>> batch) {
        NewMembers.Written written = transactions.run(connection -> newMembers.write(connection,
                batch.stream().map(GroupCommit.Pending::request).toList(), ASSESSMENT_NOTE));
        for (GroupCommit.Pending<Member, Void> pending : batch) {
            if (written.registered(pending.request())) {
                pending.answer().complete(null);
            } else {
                MemberRows.Holder holder = written.holderOfSkipped().get(pending.request().nationalId);
                pending.answer().completeExceptionally(
                        new DuplicateNationalIdException(holder.id(), holder.countyCode()));
            }
        }
    }
}
