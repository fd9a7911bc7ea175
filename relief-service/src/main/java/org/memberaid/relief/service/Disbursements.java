package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.database.JdbcTransactions;
import org.memberaid.database.StatementPipeline;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.Eligibility;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Requests, approves, rejects and reverses disbursements. Approval and reversal move the fund's
 * approved total with one conditional UPDATE in the same transaction as the status change, so
 * concurrent approvals can never take a fund below zero and no yuan is counted twice. These paths
 * are plain JDBC transactions (a few statements each, the service's hot path); listing is Panache.
 */
@ApplicationScoped
public class Disbursements {

    private static final String ONE_LIVING_SUBSIDY_A_YEAR = "disbursement_one_living_subsidy_a_year";

    @Inject
    JdbcTransactions transactions;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    public IdempotencyKeys.Outcome request(String idempotencyKey, String requestHash, DisbursementRequest request,
            Function<Disbursement, IdempotencyKeys.Answer> render) {
        try {
            return keys.run("disbursement:" + idempotencyKey, requestHash, (connection, writes) -> {
                EligibilityFacts facts = EligibilityFacts.read(connection, request);
                Eligibility.check(request, facts.member(), facts.fund(), facts.policy(), facts.livingSubsidyThisYear());
                Disbursement disbursement = Disbursement.request(request, facts.fund().countyCode, clock.instant());
                DisbursementRows.insert(writes, disbursement);
                events.disbursement(writes, ReliefEvents.DISBURSEMENT_REQUESTED, disbursement);
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
        return transactions.run(connection -> {
            Disbursement disbursement = DisbursementRows.lock(connection, id);
            disbursement.approve(approver, clock.instant());
            StatementPipeline writes = decision(disbursement, ReliefEvents.DISBURSEMENT_APPROVED);
            // Charged last: the fund's row is the one every approval in the county waits for, so
            // it stays locked only for this statement and the commit.
            moveApproved(writes, disbursement.fundId, disbursement.amount);
            int[] counts = writes.execute(connection);
            if (counts[counts.length - 1] == 0) {
                BigDecimal remaining = remaining(connection, disbursement.fundId);
                throw new ConflictException("insufficient-funds", "The fund has " + remaining.toPlainString()
                        + " yuan left, less than the " + disbursement.amount.toPlainString() + " requested",
                        Map.of("remaining", remaining));
            }
            return disbursement;
        });
    }

    public Disbursement reject(UUID id, String rejecter, String reason) {
        return transactions.run(connection -> {
            Disbursement disbursement = DisbursementRows.lock(connection, id);
            disbursement.reject(rejecter, reason, clock.instant());
            decision(disbursement, ReliefEvents.DISBURSEMENT_REJECTED).execute(connection);
            return disbursement;
        });
    }

    /** Returns an approved disbursement's money to its fund. */
    public Disbursement reverse(UUID id, String reverser, String reason) {
        return transactions.run(connection -> {
            Disbursement disbursement = DisbursementRows.lock(connection, id);
            disbursement.reverse(reverser, reason, clock.instant());
            StatementPipeline writes = decision(disbursement, ReliefEvents.DISBURSEMENT_REVERSED);
            moveApproved(writes, disbursement.fundId, disbursement.amount.negate());
            writes.execute(connection);
            return disbursement;
        });
    }

    /** The writes of a decision taken on a locked disbursement: its new version and its event. */
    private StatementPipeline decision(Disbursement disbursement, String eventType) {
        StatementPipeline writes = new StatementPipeline();
        DisbursementRows.saveDecision(writes, disbursement);
        events.disbursement(writes, eventType, disbursement);
        return writes;
    }

    /**
     * Adds {@code amount} (negative: returns it) to the fund's approved total in one conditional
     * UPDATE, so concurrent approvals can never take the fund beyond its budget; it updates no row
     * when the budget does not cover the amount.
     */
    private static void moveApproved(StatementPipeline writes, UUID fundId, BigDecimal amount) {
        writes.add("""
                UPDATE fund SET approved = approved + ?, version = version + 1, updated_at = now()
                WHERE id = ? AND approved + ? <= budget""", amount, fundId, amount);
    }

    private static BigDecimal remaining(Connection connection, UUID fundId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT budget - approved FROM fund WHERE id = ?")) {
            query.setObject(1, fundId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
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
}
