package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberaid.access.Caller;
import org.memberaid.access.RegionScope;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.FundKind;
import org.memberaid.relief.domain.FundLedger;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Allocates the counties' funds and changes their budgets; every change publishes its event. A fund
 * outside the caller's region is not found.
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
    Clock clock;

    public Fund allocate(String countyCode, int year, FundKind kind, BigDecimal budget) {
        FundLedger.requireFloor(kind, budget, policies.of(countyCode));
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Fund fund = Fund.allocate(countyCode, year, kind, budget.setScale(2), clock.instant());
                fund.persistAndFlush();
                events.fundAllocated(fund, caller.subject());
                return fund;
            });
        } catch (RuntimeException e) {
            if (ConstraintViolations.violates(e, ONE_PER_COUNTY_YEAR_KIND)) {
                UUID existing = QuarkusTransaction.requiringNew().call(() -> Fund.<Fund>find(
                        "countyCode = ?1 and year = ?2 and kind = ?3", countyCode, year, kind).firstResult().id);
                throw new ConflictException("duplicate-fund", "County " + countyCode + " already has a " + kind
                        + " fund for " + year, Map.of("existingFundId", existing));
            }
            throw e;
        }
    }

    public Fund changeBudget(UUID id, BigDecimal budget, RegionScope scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The row lock orders this change with concurrent approvals of the same fund.
            Fund fund = Fund.<Fund>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .filter(found -> scope.covers(found.countyCode))
                    .orElseThrow(() -> notFound(id));
            BigDecimal previous = fund.budget;
            new FundLedger(List.of(fund)).changeBudget(id, budget.setScale(2), policies.of(fund.countyCode),
                    clock.instant());
            Fund.flush();
            events.fundBudgetChanged(fund, previous, caller.subject());
            return fund;
        });
    }

    public Fund get(UUID id, RegionScope scope) {
        return QuarkusTransaction.joiningExisting().call(() -> Fund.<Fund>findByIdOptional(id))
                .filter(fund -> scope.covers(fund.countyCode))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No fund with id " + id);
    }

    public record Page(List<Fund> items, long total) {
    }

    public Page list(RegionScope scope, String countyCode, Integer year, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        conditions.add("countyCode like :scope");
        parameters.and("scope", scope.likePattern());
        if (countyCode != null) {
            conditions.add("countyCode = :county");
            parameters.and("county", countyCode);
        }
        if (year != null) {
            conditions.add("year = :year");
            parameters.and("year", year);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = Fund.<Fund>find(String.join(" and ", conditions), Sort.by("countyCode").and("year").and("kind"),
                    parameters);
            return new Page(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
        });
    }
}
