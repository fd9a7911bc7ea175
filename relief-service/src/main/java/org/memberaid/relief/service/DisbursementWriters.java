package org.memberaid.relief.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.memberaid.access.RegionScope;
import org.memberaid.access.audit.AuditDraft;
import org.memberaid.access.audit.AuditLog;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.jdbc.GroupCommit;
import org.memberaid.jdbc.GroupCommit.Pending;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.config.DisbursementConfig;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.Eligibility;
import org.memberaid.relief.domain.FundLedger;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.events.ReliefEvents;
import org.memberaid.relief.service.IdempotencyKeys.Answer;
import org.memberaid.relief.service.IdempotencyKeys.Outcome;

/**
 * Writes disbursement requests, and approvals, that arrive together in one transaction each
 * ({@link GroupCommit}): a batch of requests is one query for all their keys and facts, one round
 * trip for their rows, events and kept answers, one commit; a batch of approvals locks its
 * disbursements, then their funds (both in id order), and charges each fund once. Every request is
 * decided as if the batch's earlier ones had committed before it, and answered only after the
 * commit. Each request carries its caller's region, checked against the facts the batch reads
 * anyway: nothing outside it is found, and no request costs a query of its own.
 *
 * <p>Money: a batch's approvals are decided against the fund rows it holds locked, so together
 * they never take a fund beyond its budget; the charge is still the conditional UPDATE, and if it
 * ever found less than the batch counted on, the batch rolls back and each approval is decided
 * alone.
 */
@Startup
@ApplicationScoped
public class DisbursementWriters {

    private static final String ONE_LIVING_SUBSIDY_A_YEAR = "disbursement_one_living_subsidy_a_year";

    /** A disbursement request under its idempotency key, in its caller's region, and how its 201 answer is rendered. */
    private record Requested(String scopedKey, String requestHash, DisbursementRequest request, RegionScope scope,
            Function<Disbursement, Answer> render, AuditDraft audit) {
    }

    private record Approval(UUID id, String approver, RegionScope scope, AuditDraft audit) {
    }

    /** The actions audit lines name requests and approvals by, as {@code AuditTrail} names a route. */
    public static final String REQUEST_ACTION = "POST /api/disbursements";
    public static final String APPROVAL_ACTION = "POST /api/disbursements/{id}/approval";

    @Inject
    JdbcTransactions transactions;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    DisbursementConfig config;

    @Inject
    BusinessCalendar calendar;

    private GroupCommit<Requested, Outcome> requests;
    private GroupCommit<Approval, Disbursement> approvals;

    @PostConstruct
    void start() {
        requests = new GroupCommit<>("disbursement-request-writer", config.writers(), config.maxBatch(), config.commitTimeout(),
                batchSizes("request")::record, this::writeRequests);
        approvals = new GroupCommit<>("disbursement-approval-writer", config.writers(), config.maxBatch(), config.commitTimeout(),
                batchSizes("approval")::record, this::writeApprovals);
        Gauge.builder("memberaid.disbursement.waiting", this, DisbursementWriters::waitingRequests).tag("kind", "request")
                .description("Disbursement requests or approvals waiting for a writer").register(meters);
        Gauge.builder("memberaid.disbursement.waiting", this, DisbursementWriters::waitingApprovals)
                .tag("kind", "approval").description("Disbursement requests or approvals waiting for a writer")
                .register(meters);
    }

    private DistributionSummary batchSizes(String kind) {
        return DistributionSummary.builder("memberaid.disbursement.batch.size").tag("kind", kind)
                .description("Disbursement requests or approvals written by one transaction").register(meters);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        requests.stop();
        approvals.stop();
    }

    /**
     * Queues a request; its answer (201, or the answer kept under its key) completes after the
     * commit, or fails with the rule (422) or the conflict (409) that refused it. Never blocks. The
     * key is the requester's own: another caller's equal key is another key. A request dated more
     * than {@code memberaid.disbursement.max-days-ahead} days ahead is refused at once (throws
     * {@link org.memberaid.relief.domain.RuleViolationException}, rule {@value Eligibility#DATE_AHEAD}).
     * The request's audit line ({@code audit}) is committed with its decision.
     */
    public CompletableFuture<Outcome> request(String idempotencyKey, String requestHash, DisbursementRequest request,
            RegionScope scope, Function<Disbursement, Answer> render, AuditDraft audit) {
        // Needs no query, so it is refused at once, before the request queues for a writer.
        Eligibility.checkDate(request.disbursedOn(), calendar.today(), config.maxDaysAhead());
        return requests.submit(new Requested(IdempotencyKeys.scoped("disbursement", request.requestedBy(),
                idempotencyKey), requestHash, request, scope, render, audit));
    }

    /**
     * Queues an approval; completes with the approved disbursement after the commit, or fails:
     * 404 (also outside {@code scope}), 409 (not REQUESTED; insufficient funds, with the remaining
     * amount), 422 maker-checker or a rule of {@link Eligibility} the member no longer meets. The
     * approval's audit line ({@code audit}) is committed with its decision.
     */
    public CompletableFuture<Disbursement> approve(UUID id, String approver, RegionScope scope, AuditDraft audit) {
        return approvals.submit(new Approval(id, approver, scope, audit));
    }

    /** Requests queued, not yet taken by a writer. */
    public int waitingRequests() {
        return requests.waiting();
    }

    /** Approvals queued, not yet taken by a writer. */
    public int waitingApprovals() {
        return approvals.waiting();
    }

    /** Writer threads for requests (and as many for approvals). */
    public int writerCount() {
        return config.writers();
    }

    private void writeRequests(List<Pending<Requested, Outcome>> batch) {
        List<Object> outcomes;
        try {
            outcomes = IdempotencyKeys.retryingKeyRace(
                    () -> transactions.run(connection -> decideRequests(connection, batch)));
            audited(batch, Requested::audit);
        } catch (RuntimeException e) {
            if (batch.size() == 1 && ConstraintViolations.violates(e, ONE_LIVING_SUBSIDY_A_YEAR)) {
                outcomes = List.of(new RuleViolationException("living-subsidy-once-a-year",
                        "The member already has a living subsidy for "
                                + batch.get(0).request().request().disbursedOn().getYear()));
            } else {
                throw e;
            }
        }
        GroupCommit.complete(batch, outcomes);
    }

    private List<Object> decideRequests(Connection connection, List<Pending<Requested, Outcome>> batch)
            throws SQLException {
        List<Requested> all = batch.stream().map(Pending::request).toList();
        List<EligibilityFacts.Found> found = EligibilityFacts.readAll(connection,
                all.stream().map(Requested::scopedKey).toList(), all.stream().map(Requested::requestHash).toList(),
                all.stream().map(Requested::request).toList(), all.stream().map(Requested::scope).toList());
        StatementPipeline writes = new StatementPipeline();
        IdempotencyKeys.Answered underKeys = new IdempotencyKeys.Answered();
        Set<String> livingSubsidies = new HashSet<>();
        Instant now = clock.instant();
        List<Object> outcomes = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Requested requested = all.get(i);
            DisbursementRequest request = requested.request();
            try {
                Outcome replayed = underKeys.replayed(requested.scopedKey(), requested.requestHash());
                if (replayed != null) {
                    outcomes.add(replayed);
                    continue;
                }
                EligibilityFacts.Found row = found.get(i);
                if (row.refused() != null) {
                    throw row.refused();
                }
                if (row.kept() != null) {
                    outcomes.add(new Outcome(row.kept(), true));
                    continue;
                }
                EligibilityFacts facts = row.facts();
                String livingSubsidy = request.kind() == DisbursementKind.LIVING_SUBSIDY
                        ? request.memberId() + "/" + request.disbursedOn().getYear() : null;
                Eligibility.check(request, facts.member(), facts.fund(), facts.policy(),
                        facts.livingSubsidyThisYear() || livingSubsidies.contains(livingSubsidy));
                Disbursement disbursement = Disbursement.request(request, facts.fund().countyCode, now);
                Answer answer = requested.render().apply(disbursement);
                DisbursementStore.insert(writes, disbursement);
                events.disbursement(writes, ReliefEvents.DISBURSEMENT_REQUESTED, disbursement);
                if (livingSubsidy != null) {
                    livingSubsidies.add(livingSubsidy);
                }
                outcomes.add(underKeys.keep(writes, requested.scopedKey(), requested.requestHash(), answer));
            } catch (RuleViolationException | ConflictException refused) {
                outcomes.add(refused);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            AuditDraft audit = all.get(i).audit();
            if (audit != null) {
                Object outcome = outcomes.get(i);
                String target = outcome instanceof Outcome answered && answered.answer().location() != null
                        ? answered.answer().location().substring(answered.answer().location().lastIndexOf('/') + 1)
                        : null;
                AuditLog.append(writes, audit.line(target, status(outcome)));
            }
        }
        writes.execute(connection);
        return outcomes;
    }

    private void writeApprovals(List<Pending<Approval, Disbursement>> batch) {
        List<Object> outcomes = transactions.run(connection -> decideApprovals(connection, batch));
        audited(batch, Approval::audit);
        GroupCommit.complete(batch, outcomes);
    }

    /** After the commit: the batch's audit lines are stored, the trail must not write them again. */
    private static <T> void audited(List<? extends Pending<T, ?>> batch, Function<T, AuditDraft> audit) {
        for (Pending<T, ?> pending : batch) {
            AuditDraft draft = audit.apply(pending.request());
            if (draft != null) {
                draft.written();
            }
        }
    }

    /** The HTTP status a decided outcome is answered with (as {@code ReliefProblemMapper} maps the refusals). */
    private static int status(Object outcome) {
        if (outcome instanceof Outcome answered) {
            return answered.answer().status();
        } else if (outcome instanceof Disbursement) {
            return 200;
        } else if (outcome instanceof RuleViolationException) {
            return 422;
        } else if (outcome instanceof ConflictException) {
            return 409;
        } else if (outcome instanceof NotFoundException) {
            return 404;
        }
        throw new IllegalArgumentException("No status for " + outcome);
    }

    private List<Object> decideApprovals(Connection connection, List<Pending<Approval, Disbursement>> batch)
            throws SQLException {
        Map<UUID, Disbursement> locked = DisbursementStore.lockAll(connection,
                batch.stream().map(pending -> pending.request().id()).collect(Collectors.toSet()));
        Map<UUID, EligibilityFacts.LockedFund> funds = EligibilityFacts.lockFunds(connection,
                locked.values().stream().map(d -> d.fundId).collect(Collectors.toSet()));
        FundLedger ledger = new FundLedger(funds.values().stream().map(EligibilityFacts.LockedFund::fund).toList());
        Map<UUID, MemberReplica> members = EligibilityFacts.members(connection,
                locked.values().stream().map(d -> d.memberId).collect(Collectors.toSet()));
        StatementPipeline writes = new StatementPipeline();
        Instant now = clock.instant();
        List<Object> outcomes = new ArrayList<>(batch.size());
        List<Disbursement> approved = new ArrayList<>(batch.size());
        for (Pending<Approval, Disbursement> pending : batch) {
            Approval approval = pending.request();
            try {
                Disbursement disbursement = locked.get(approval.id());
                if (disbursement == null || !approval.scope().covers(disbursement.countyCode)) {
                    throw new NotFoundException("No disbursement with id " + approval.id());
                }
                disbursement.checkApprovableBy(approval.approver());
                recheck(disbursement, members.get(disbursement.memberId), funds.get(disbursement.fundId));
                ledger.charge(disbursement.fundId, disbursement.amount);
                disbursement.approve(approval.approver(), now);
                approved.add(disbursement);
                outcomes.add(disbursement);
            } catch (RuleViolationException | ConflictException | NotFoundException refused) {
                outcomes.add(refused);
            }
        }
        DisbursementStore.saveDecisions(connection, writes, approved);
        for (Disbursement disbursement : approved) {
            events.disbursement(writes, ReliefEvents.DISBURSEMENT_APPROVED, disbursement);
        }
        for (int i = 0; i < batch.size(); i++) {
            Approval approval = batch.get(i).request();
            if (approval.audit() != null) {
                AuditLog.append(writes, approval.audit().line(approval.id().toString(), status(outcomes.get(i))));
            }
        }
        // Charged last, once per fund: the fund rows are what every approval of a county waits for.
        int moved = FundRows.move(writes, ledger);
        FundRows.requireMoved(writes.execute(connection), moved);
        return outcomes;
    }

    /**
     * The programme's rules again, as of the approval: the member may have died, moved out of the
     * fund's county or been lifted out of difficulty since the request, or the county's policy
     * changed. The disbursement holds the member's living subsidy of its year itself, so that rule
     * is not asked again.
     */
    private static void recheck(Disbursement disbursement, MemberReplica member, EligibilityFacts.LockedFund fund) {
        if (member == null) {
            throw MemberReplica.unknown(disbursement.memberId);
        }
        DisbursementRequest asRequested = new DisbursementRequest(disbursement.memberId, disbursement.fundId,
                disbursement.kind, disbursement.amount, disbursement.disbursedOn, disbursement.mechanism,
                disbursement.projectName, disbursement.reason, disbursement.requestedBy);
        Eligibility.check(asRequested, member, fund.fund(), fund.policy(), false);
    }
}
