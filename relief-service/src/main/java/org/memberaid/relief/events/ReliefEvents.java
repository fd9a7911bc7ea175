package org.memberaid.relief.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.UUID;
import org.memberaid.events.outbox.Outbox;
import org.memberaid.relief.domain.Fund;

/**
 * The events relief-service publishes on {@value #TOPIC}. Fund events are keyed by fund id, with
 * the fund's version as {@code sequence}. Call after the change is flushed.
 */
@ApplicationScoped
public class ReliefEvents {

    public static final String TOPIC = "relief.events";
    public static final String FUND_ALLOCATED = "memberaid.fund.allocated.v1";
    public static final String FUND_BUDGET_CHANGED = "memberaid.fund.budget-changed.v1";

    /** The {@code data} of fund events: what reporting needs to sum budgets per county and year. */
    public record FundSnapshot(UUID id, String countyCode, int year, String kind, BigDecimal budget,
            BigDecimal approved, BigDecimal previousBudget, long version) {

        static FundSnapshot of(Fund fund, BigDecimal previousBudget) {
            return new FundSnapshot(fund.id, fund.countyCode, fund.year, fund.kind.name(), fund.budget, fund.approved,
                    previousBudget, fund.version);
        }
    }

    @Inject
    Outbox outbox;

    public void fundAllocated(Fund fund) {
        outbox.append(TOPIC, fund.id.toString(), FUND_ALLOCATED, fund.version, FundSnapshot.of(fund, null));
    }

    public void fundBudgetChanged(Fund fund, BigDecimal previousBudget) {
        outbox.append(TOPIC, fund.id.toString(), FUND_BUDGET_CHANGED, fund.version, FundSnapshot.of(fund, previousBudget));
    }
}
