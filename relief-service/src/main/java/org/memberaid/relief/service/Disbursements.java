package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.memberaid.access.RegionScope;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.FundLedger;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Rejects and reverses disbursements, lists and reads them (requests and approvals are written
 * in batches by {@link DisbursementWriters}). Approval and reversal lock the fund, let its
 * {@link FundLedger} decide the charge or refund, and write the ledger's movement with one
 * conditional UPDATE in the same transaction as the status change, so concurrent decisions can
 * never take a fund beyond its budget or below zero and no yuan is counted twice. Rows are read and
 * written by {@link DisbursementStore}. A disbursement outside the caller's region is not found.
 */
@ApplicationScoped
public class Disbursements {

    @Inject
    JdbcTransactions transactions;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    public Disbursement reject(UUID id, String rejecter, String reason, RegionScope scope) {
        return transactions.run(connection -> {
            Disbursement disbursement = lockWithin(connection, id, scope);
            disbursement.reject(rejecter, reason, clock.instant());
            decision(connection, disbursement, ReliefEvents.DISBURSEMENT_REJECTED).execute(connection);
            return disbursement;
        });
    }

    /** Returns an approved disbursement's money to its fund. */
    public Disbursement reverse(UUID id, String reverser, String reason, RegionScope scope) {
        return transactions.run(connection -> {
            Disbursement disbursement = lockWithin(connection, id, scope);
            disbursement.reverse(reverser, reason, clock.instant());
            FundLedger ledger = new FundLedger(EligibilityFacts.lockFunds(connection, Set.of(disbursement.fundId))
                    .values().stream().map(EligibilityFacts.LockedFund::fund).toList());
            ledger.refund(disbursement.fundId, disbursement.amount);
            StatementPipeline writes = decision(connection, disbursement, ReliefEvents.DISBURSEMENT_REVERSED);
            int moved = FundRows.move(writes, ledger);
            FundRows.requireMoved(writes.execute(connection), moved);
            return disbursement;
        });
    }

    private static Disbursement lockWithin(Connection connection, UUID id, RegionScope scope) throws SQLException {
        Disbursement disbursement = DisbursementStore.lock(connection, id);
        if (!scope.covers(disbursement.countyCode)) {
            throw notFound(id);
        }
        return disbursement;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No disbursement with id " + id);
    }

    /** The writes of a decision taken on a locked disbursement: its new version and its event. */
    private StatementPipeline decision(Connection connection, Disbursement disbursement, String eventType)
            throws SQLException {
        StatementPipeline writes = new StatementPipeline();
        DisbursementStore.saveDecisions(connection, writes, List.of(disbursement));
        events.disbursement(writes, eventType, disbursement);
        return writes;
    }

    /** Filters for listing; any but the caller's region may be null. */
    public record Criteria(RegionScope scope, UUID memberId, String countyCode, DisbursementKind kind, DisbursementStatus status,
            LocalDate from, LocalDate to) {
    }

    public record Page(List<Disbursement> items, long total) {
    }

    public Page list(Criteria criteria, int page, int size) {
        return transactions.run(connection -> DisbursementStore.page(connection, criteria, page, size));
    }

    public Disbursement get(UUID id, RegionScope scope) {
        return transactions.run(connection -> DisbursementStore.find(connection, id))
                .filter(d -> scope.covers(d.countyCode))
                .orElseThrow(() -> notFound(id));
    }
}
