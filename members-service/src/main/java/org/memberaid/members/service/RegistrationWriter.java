package org.memberaid.members.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.memberaid.access.audit.AuditDraft;
import org.memberaid.access.audit.AuditLog;
import org.memberaid.jdbc.GroupCommit;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.members.config.RegistrationConfig;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.Member;

/**
 * Writes registrations that arrive together in one transaction ({@link GroupCommit}): a batch's
 * members in one statement, their events in one, their assessments in one ({@link NewMembers}), one
 * commit. Under census-time bursts the transactions and round trips, not the rows, were most of the
 * cost of a registration.
 *
 * <p>Answers stay one's own: a national ID registered already (before, or by an earlier registration
 * of the same batch) is that registration's 409 and adds nothing. Each registration's audit line
 * (201 or 409) is written in the same transaction: one commit per batch, not a second one for the
 * audit log. If the database refuses the batch (a row it rejects, a lost connection), each
 * registration is written again alone.
 */
@Startup
@ApplicationScoped
public class RegistrationWriter {

    private static final String ASSESSMENT_NOTE = "assessed at registration";

    /** The action audit lines name a registration by, as {@code AuditTrail} names a route. */
    public static final String ACTION = "POST /api/members";

    /** A new member and the audit line its transaction writes (none from tests that call the writer directly). */
    private record Registration(Member member, AuditDraft audit) {
    }

    private GroupCommit<Registration, Void> writers;

    @Inject
    JdbcTransactions transactions;

    @Inject
    NewMembers newMembers;

    @Inject
    MeterRegistry meters;

    @Inject
    RegistrationConfig config;

    @PostConstruct
    void start() {
        DistributionSummary batchSizes = DistributionSummary.builder("memberaid.registration.batch.size")
                .description("Registrations written by one transaction").register(meters);
        writers = new GroupCommit<>("registration-writer", config.writers(), config.maxBatch(), config.commitTimeout(),
                batchSizes::record, this::write);
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
     * blocks: callers may be on the event loop. The registration's audit line ({@code audit}: 201 or
     * 409) is committed with it.
     */
    public CompletableFuture<Void> register(Member member, AuditDraft audit) {
        return writers.submit(new Registration(member, audit));
    }

    /** Registrations waiting for a writer (for tests). */
    int waiting() {
        return writers.waiting();
    }

    /** Writer threads (for tests). */
    int writerCount() {
        return writers.writerCount();
    }

    private void write(List<GroupCommit.Pending<Registration, Void>> batch) {
        NewMembers.Written written = transactions.run(connection -> {
            NewMembers.Written decided = newMembers.write(connection,
                    batch.stream().map(pending -> pending.request().member()).toList(), ASSESSMENT_NOTE);
            StatementPipeline lines = new StatementPipeline();
            for (GroupCommit.Pending<Registration, Void> pending : batch) {
                Registration registration = pending.request();
                if (registration.audit() != null) {
                    boolean registered = decided.registered(registration.member());
                    AuditLog.append(lines, registration.audit().line(
                            registered ? registration.member().id.toString() : null, registered ? 201 : 409));
                }
            }
            lines.execute(connection);
            return decided;
        });
        for (GroupCommit.Pending<Registration, Void> pending : batch) {
            if (pending.request().audit() != null) {
                pending.request().audit().written();
            }
            Member member = pending.request().member();
            if (written.registered(member)) {
                pending.answer().complete(null);
            } else {
                MemberRows.Holder holder = written.holderOfSkipped().get(member.nationalId);
                pending.answer().completeExceptionally(
                        new DuplicateNationalIdException(holder.id(), holder.countyCode()));
            }
        }
    }
}
