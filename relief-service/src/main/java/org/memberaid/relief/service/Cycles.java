package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.access.RegionScope;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.config.DisbursementConfig;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.Cycle;
import org.memberaid.relief.domain.CycleEvaluation;
import org.memberaid.relief.domain.CycleEvaluation.Candidate;
import org.memberaid.relief.domain.CycleStatus;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.Eligibility;
import org.memberaid.relief.domain.FundLedger;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.domain.StartupMechanism;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Programme cycles: created (under an Idempotency-Key), evaluated against the programme's rules
 * into entitlements, trimmed, then approved at once, rejected or cancelled. Each is one plain JDBC
 * transaction that locks the cycle, so changes of one cycle queue up. The approval charges the
 * fund the cycle's total through its {@link FundLedger} (409 with the shortfall when it cannot,
 * changing nothing) and writes every entitlement as an APPROVED disbursement with its event, in
 * the same transaction. A cycle outside the caller's region is not found.
 */
@ApplicationScoped
public class Cycles {

    /** A cycle as a caseworker drafts it. */
    public record Draft(String countyCode, DisbursementKind kind, UUID fundId, String name, BigDecimal amount,
            LocalDate disbursedOn, StartupMechanism mechanism, String creator) {
    }

    public record Page(List<Cycle> items, long total) {
    }

    /** An entitlement as listed: the member, the amount, and who removed it and why (null while it stands). */
    public record Entitlement(UUID memberId, BigDecimal amount, String removedBy, String removalReason) {
    }

    public record EntitlementPage(List<Entitlement> items, long total) {
    }

    @Inject
    JdbcTransactions transactions;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    @Inject
    BusinessCalendar calendar;

    @Inject
    DisbursementConfig config;

    /**
     * Creates a DRAFT cycle, or replays the answer to an earlier request with the key. The fund
     * must be the county's and of the kind's fund kind and year, the amount in the county's band
     * (the rules of {@link Eligibility#checkTerms}), the date at most the configured days ahead.
     */
    public IdempotencyKeys.Outcome create(String idempotencyKey, String requestHash, Draft draft, RegionScope scope,
            Function<Cycle, IdempotencyKeys.Answer> render) {
        Eligibility.checkDate(draft.disbursedOn(), calendar.today(), config.maxDaysAhead());
        if (!scope.covers(draft.countyCode())) {
            throw new RuleViolationException("county-outside-region", "County " + draft.countyCode()
                    + " lies outside the caller's region");
        }
        String scopedKey = IdempotencyKeys.scoped("cycle", draft.creator(), idempotencyKey);
        return keys.run(scopedKey, requestHash, (connection, writes) -> {
            EligibilityFacts.LockedFund fund = EligibilityFacts.fund(connection, draft.fundId());
            if (fund == null || !scope.covers(fund.fund().countyCode)) {
                throw new RuleViolationException("fund-unknown", "No fund with id " + draft.fundId());
            }
            if (!fund.fund().countyCode.equals(draft.countyCode())) {
                throw new RuleViolationException("cycle-fund-county", "The fund belongs to county "
                        + fund.fund().countyCode + ", the cycle to " + draft.countyCode());
            }
            Eligibility.checkTerms(draft.kind(), draft.amount(), draft.disbursedOn(), draft.mechanism(), fund.fund(),
                    fund.policy());
            Cycle cycle = Cycle.draft(draft.countyCode(), draft.kind(), draft.fundId(), draft.name(), draft.amount(),
                    draft.disbursedOn(), draft.mechanism(), draft.creator(), clock.instant());
            CycleStore.insert(writes, cycle);
            events.cycle(writes, ReliefEvents.CYCLE_CREATED, cycle, draft.creator());
            return render.apply(cycle);
        });
    }

    /**
     * Decides every member of the county on the cycle's date (members whose entitlement was removed
     * stay removed) and replaces the cycle's entitlements with those admitted; counts the others per
     * rule. A DRAFT may be evaluated again whenever the members or the policy changed.
     */
    public Cycle evaluate(UUID id, String actor, RegionScope scope) {
        return transactions.run(connection -> {
            Cycle cycle = CycleStore.lock(connection, id, scope);
            cycle.requireDraft("evaluated");
            EligibilityFacts.LockedFund fund = EligibilityFacts.fund(connection, cycle.fundId);
            CycleEvaluation.Outcome outcome = CycleEvaluation.evaluate(cycle, fund.fund(), fund.policy(),
                    CycleStore.candidates(connection, cycle));
            StatementPipeline writes = new StatementPipeline();
            CycleStore.entitle(connection, writes, cycle, outcome.entitled());
            cycle.evaluated(outcome.entitled().size(), outcome.excluded(), clock.instant());
            CycleStore.save(writes, cycle);
            events.cycle(writes, ReliefEvents.CYCLE_EVALUATED, cycle, actor);
            writes.execute(connection);
            return cycle;
        });
    }

    /** Removes one member's entitlement from a DRAFT cycle, with the reason; 404 when it has none standing. */
    public Cycle removeEntitlement(UUID id, UUID memberId, String remover, String reason, RegionScope scope) {
        return transactions.run(connection -> {
            Cycle cycle = CycleStore.lock(connection, id, scope);
            cycle.requireDraft("changed");
            if (!CycleStore.remove(connection, id, memberId, remover, reason)) {
                throw new NotFoundException("Cycle " + id + " has no standing entitlement of member " + memberId);
            }
            cycle.entitlementRemoved(clock.instant());
            StatementPipeline writes = new StatementPipeline();
            CycleStore.save(writes, cycle);
            events.cycle(writes, ReliefEvents.CYCLE_ENTITLEMENT_REMOVED, cycle, remover);
            writes.execute(connection);
            return cycle;
        });
    }

    /**
     * Approves the cycle: decides its entitlements again as of now (409 cycle-stale, naming how
     * many no longer qualify and why, when any does not: evaluate again), charges the fund the total
     * (409 insufficient-funds with the shortfall), writes every entitlement as an APPROVED
     * disbursement with its event. All of it or nothing. An APPROVED cycle answers as it is: a
     * retried approval changes nothing and charges nothing.
     */
    public Cycle approve(UUID id, String approver, RegionScope scope) {
        return transactions.run(connection -> {
            Cycle cycle = CycleStore.lock(connection, id, scope);
            if (cycle.status == CycleStatus.APPROVED) {
                return cycle;
            }
            cycle.checkApprovableBy(approver);
            EligibilityFacts.LockedFund fund = EligibilityFacts.lockFunds(connection, Set.of(cycle.fundId))
                    .get(cycle.fundId);
            FundLedger ledger = new FundLedger(List.of(fund.fund()));
            ledger.charge(cycle.fundId, cycle.total);
            List<Candidate> entitled = CycleStore.entitled(connection, cycle);
            if (entitled.size() != cycle.entitled) {
                throw new IllegalStateException("Cycle " + id + " counts " + cycle.entitled + " entitlements, holds "
                        + entitled.size());
            }
            requireStillEntitled(cycle, fund, entitled);
            Instant now = clock.instant();
            List<Disbursement> disbursements = new ArrayList<>(entitled.size());
            for (Candidate candidate : entitled) {
                disbursements.add(Disbursement.entitlement(cycle, candidate.member().id, approver, now));
            }
            DisbursementStore.insertAll(connection, disbursements);
            events.disbursements(connection, ReliefEvents.DISBURSEMENT_APPROVED, disbursements);
            cycle.approve(approver, now);
            StatementPipeline writes = new StatementPipeline();
            CycleStore.save(writes, cycle);
            events.cycle(writes, ReliefEvents.CYCLE_APPROVED, cycle, approver);
            int moved = FundRows.move(writes, ledger);
            FundRows.requireMoved(writes.execute(connection), moved);
            return cycle;
        });
    }

    private static void requireStillEntitled(Cycle cycle, EligibilityFacts.LockedFund fund, List<Candidate> entitled) {
        Map<String, Integer> refused = new TreeMap<>();
        for (Candidate candidate : entitled) {
            String rule = candidate.member() == null ? MemberReplica.UNKNOWN
                    : CycleEvaluation.refusal(cycle, fund.fund(), fund.policy(), candidate);
            if (rule != null) {
                refused.merge(rule, 1, Integer::sum);
            }
        }
        if (!refused.isEmpty()) {
            int count = refused.values().stream().mapToInt(Integer::intValue).sum();
            throw new ConflictException("cycle-stale", count + " of the cycle's " + cycle.entitled
                    + " entitled members no longer meet the rules (" + refused + "); evaluate the cycle again",
                    Map.of("noLongerEntitled", count, "rules", refused));
        }
    }

    public Cycle reject(UUID id, String rejecter, String reason, RegionScope scope) {
        return decide(id, scope, ReliefEvents.CYCLE_REJECTED, rejecter,
                cycle -> cycle.reject(rejecter, reason, clock.instant()));
    }

    public Cycle cancel(UUID id, String canceller, String reason, RegionScope scope) {
        return decide(id, scope, ReliefEvents.CYCLE_CANCELLED, canceller,
                cycle -> cycle.cancel(canceller, reason, clock.instant()));
    }

    private Cycle decide(UUID id, RegionScope scope, String eventType, String actor,
            java.util.function.Consumer<Cycle> decision) {
        return transactions.run(connection -> {
            Cycle cycle = CycleStore.lock(connection, id, scope);
            decision.accept(cycle);
            StatementPipeline writes = new StatementPipeline();
            CycleStore.save(writes, cycle);
            events.cycle(writes, eventType, cycle, actor);
            writes.execute(connection);
            return cycle;
        });
    }

    public Cycle get(UUID id, RegionScope scope) {
        return transactions.run(connection -> CycleStore.find(connection, id, scope));
    }

    public Page list(RegionScope scope, String countyCode, Integer year, CycleStatus status, int page, int size) {
        return transactions.run(connection -> CycleStore.page(connection, scope, countyCode, year, status, page, size));
    }

    public EntitlementPage entitlements(UUID id, RegionScope scope, int page, int size) {
        return transactions.run(connection -> {
            CycleStore.find(connection, id, scope);
            return CycleStore.entitlements(connection, id, page, size);
        });
    }
}
