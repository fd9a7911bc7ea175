package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.CountyPolicy;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.Eligibility;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Requests, approves, rejects and reverses disbursements. Approval and reversal move the fund's
 * approved total with one conditional UPDATE in the same transaction as the status change, so
 * concurrent approvals can never take a fund below zero and no yuan is counted twice.
 */
@ApplicationScoped
public class Disbursements {

    private static final String ONE_LIVING_SUBSIDY_A_YEAR = "disbursement_one_living_subsidy_a_year";

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Policies policies;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    public IdempotencyKeys.Outcome request(String idempotencyKey, String requestHash, DisbursementRequest request,
            Function<Disbursement, IdempotencyKeys.Answer> render) {
        try {
            return keys.run("disbursement:" + idempotencyKey, requestHash, () -> {
                MemberReplica member = MemberReplica.require(request.memberId());
                Fund fund = Fund.<Fund>findByIdOptional(request.fundId()).orElseThrow(() -> new RuleViolationException(
                        "fund-unknown", "No fund with id " + request.fundId()));
                CountyPolicy policy = policies.of(fund.countyCode);
                Eligibility.check(request, member, fund, policy, request.kind() == DisbursementKind.LIVING_SUBSIDY
                        && hasLiveLivingSubsidy(request.memberId(), request.disbursedOn().getYear()));
                Disbursement disbursement = Disbursement.request(request, fund.countyCode, clock.instant());
                disbursement.persistAndFlush();
                events.disbursement(ReliefEvents.DISBURSEMENT_REQUESTED, disbursement);
                return render.apply(disbursement);
            });
        } catch (RuntimeException e) {
            if (ConstraintViolations.violates(e, ONE_LIVING_SUBSIDY_A_YEAR)) {
                throw new RuleViolationException("living-subsidy-once-a-year",
                        "The member already has a living subsidy for " + request.disbursedOn().getYear());
            }
            throw e;
        }
    }

    public Disbursement approve(UUID id, String approver) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Disbursement disbursement = lock(id);
            disbursement.approve(approver, clock.instant());
            int taken = entityManager.createNativeQuery("""
                    UPDATE fund SET approved = approved + ?1, version = version + 1, updated_at = now()
                    WHERE id = ?2 AND approved + ?1 <= budget""")
                    .setParameter(1, disbursement.amount).setParameter(2, disbursement.fundId).executeUpdate();
            if (taken == 0) {
                BigDecimal remaining = (BigDecimal) entityManager
                        .createNativeQuery("SELECT budget - approved FROM fund WHERE id = ?1")
                        .setParameter(1, disbursement.fundId).getSingleResult();
                throw new ConflictException("insufficient-funds", "The fund has " + remaining.toPlainString()
                        + " yuan left, less than the " + disbursement.amount.toPlainString() + " requested",
                        Map.of("remaining", remaining));
            }
            Disbursement.flush();
            events.disbursement(ReliefEvents.DISBURSEMENT_APPROVED, disbursement);
            return disbursement;
        });
    }

    public Disbursement reject(UUID id, String rejecter, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Disbursement disbursement = lock(id);
            disbursement.reject(rejecter, reason, clock.instant());
            Disbursement.flush();
            events.disbursement(ReliefEvents.DISBURSEMENT_REJECTED, disbursement);
            return disbursement;
        });
    }

    /** Returns an approved disbursement's money to its fund. */
    public Disbursement reverse(UUID id, String reverser, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Disbursement disbursement = lock(id);
            disbursement.reverse(reverser, reason, clock.instant());
            entityManager.createNativeQuery("""
                    UPDATE fund SET approved = approved - ?1, version = version + 1, updated_at = now() WHERE id = ?2""")
                    .setParameter(1, disbursement.amount).setParameter(2, disbursement.fundId).executeUpdate();
            Disbursement.flush();
            events.disbursement(ReliefEvents.DISBURSEMENT_REVERSED, disbursement);
            return disbursement;
        });
    }

    /** Filters for listing; any may be null. */
    public record Criteria(UUID memberId, String countyCode, DisbursementKind kind, DisbursementStatus status,
            LocalDate from, LocalDate to) {
    }

    public record Page(List<Disbursement> items, long total) {
    }

    public Page list(Criteria criteria, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (criteria.memberId() != null) {
            conditions.add("memberId = :member");
            parameters.and("member", criteria.memberId());
        }
        if (criteria.countyCode() != null) {
            conditions.add("countyCode = :county");
            parameters.and("county", criteria.countyCode());
        }
        if (criteria.kind() != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", criteria.kind());
        }
        if (criteria.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", criteria.status());
        }
        if (criteria.from() != null) {
            conditions.add("disbursedOn >= :from");
            parameters.and("from", criteria.from());
        }
        if (criteria.to() != null) {
            conditions.add("disbursedOn <= :to");
            parameters.and("to", criteria.to());
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = Disbursement.<Disbursement>find(String.join(" and ", conditions),
                    Sort.by("disbursedOn").and("createdAt").and("id"), parameters);
            return new Page(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
        });
    }

    public Disbursement get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Disbursement.<Disbursement>findByIdOptional(id))
                .orElseThrow(() -> new NotFoundException("No disbursement with id " + id));
    }

    private static Disbursement lock(UUID id) {
        return Disbursement.<Disbursement>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("No disbursement with id " + id));
    }

    private static boolean hasLiveLivingSubsidy(UUID memberId, int year) {
        return Disbursement.count("memberId = ?1 and kind = ?2 and year = ?3 and status in ?4", memberId,
                DisbursementKind.LIVING_SUBSIDY, year,
                List.of(DisbursementStatus.REQUESTED, DisbursementStatus.APPROVED)) > 0;
    }
}
