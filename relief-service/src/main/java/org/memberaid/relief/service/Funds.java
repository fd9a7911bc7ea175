package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.memberaid.access.Caller;
import org.memberaid.access.RegionScope;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.FundKind;
import org.memberaid.relief.domain.FundLedger;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Allocates the counties' funds and changes their budgets; every change publishes its event, in
 * its transaction. A fund outside the caller's region is not found.
 */
@ApplicationScoped
public class Funds {

    private static final String ONE_PER_COUNTY_YEAR_KIND = "fund_county_year_kind_unique";

    @Inject
    Caller caller;

    @Inject
    Policies policies;

    @Inject
    ReliefEvents events;

    @Inject
    JdbcTransactions transactions;

    @Inject
    Clock clock;

    public Fund allocate(String countyCode, int year, FundKind kind, BigDecimal budget) {
        FundLedger.requireFloor(kind, budget, policies.of(countyCode));
        Fund fund = Fund.allocate(countyCode, year, kind, budget.setScale(2), clock.instant());
        fund.version = 1L; // the row's first
        try {
            return transactions.run(connection -> {
                StatementPipeline writes = new StatementPipeline();
                FundRows.insert(writes, fund);
                events.fundAllocated(writes, fund, caller.subject());
                writes.execute(connection);
                return fund;
            });
        } catch (RuntimeException e) {
            // The unique constraint decides a race between two allocations of the same fund.
            if (ConstraintViolations.violates(e, ONE_PER_COUNTY_YEAR_KIND)) {
                UUID existing = transactions.run(connection -> FundRows.find(connection, countyCode, year, kind)).id;
                throw new ConflictException("duplicate-fund", "County " + countyCode + " already has a " + kind
                        + " fund for " + year, Map.of("existingFundId", existing));
            }
            throw e;
        }
    }

    public Fund changeBudget(UUID id, BigDecimal budget, RegionScope scope) {
        return transactions.run(connection -> {
            // The row lock orders this change with concurrent approvals of the same fund.
            EligibilityFacts.LockedFund locked = EligibilityFacts.lockFunds(connection, Set.of(id)).get(id);
            if (locked == null || !scope.covers(locked.fund().countyCode)) {
                throw notFound(id);
            }
            Fund fund = locked.fund();
            BigDecimal previous = fund.budget;
            new FundLedger(List.of(fund)).changeBudget(id, budget.setScale(2), locked.policy(), clock.instant());
            StatementPipeline writes = new StatementPipeline();
            FundRows.updateBudget(writes, fund);
            events.fundBudgetChanged(writes, fund, previous, caller.subject());
            writes.execute(connection);
            return fund;
        });
    }

    public Fund get(UUID id, RegionScope scope) {
        Fund fund = transactions.run(connection -> FundRows.find(connection, id));
        if (fund == null || !scope.covers(fund.countyCode)) {
            throw notFound(id);
        }
        return fund;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No fund with id " + id);
    }

    public record Page(List<Fund> items, long total) {
    }

    /** Page {@code page} (from 0) of the funds in {@code scope}, by county, year and kind, and how many there are. */
    public Page list(RegionScope scope, String countyCode, Integer year, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("f.county_code LIKE ?");
        parameters.add(scope.likePattern());
        if (countyCode != null) {
            conditions.add("f.county_code = ?");
            parameters.add(countyCode);
        }
        if (year != null) {
            conditions.add("f.year = ?");
            parameters.add(year);
        }
        String from = " FROM fund f WHERE " + String.join(" AND ", conditions);
        return transactions.run(connection -> new Page(
                Paging.rows(connection, "SELECT " + FundRows.columns("f", "") + from
                        + " ORDER BY f.county_code, f.year, f.kind", parameters, page, size,
                        row -> FundRows.read(row, "")),
                Paging.count(connection, "SELECT count(*)" + from, parameters)));
    }
}
