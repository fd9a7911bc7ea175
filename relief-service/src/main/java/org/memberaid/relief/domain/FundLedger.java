package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one place a fund's money is decided: charged, refunded, its budget changed, and checked
 * against its floor, its budget and what remains of it. It holds the funds a unit of work has
 * locked (one approval batch, one reversal, one budget change; later a payment cycle of thousands
 * of entitlements) and decides each change in order, as if the earlier ones had committed, against
 * {@link Fund#remaining()}. It keeps the net movement per fund, so however many charges and
 * refunds a batch makes, the store writes each fund once; it runs no query itself.
 *
 * <p>Why one object: the rules (never beyond the budget, never below what is approved, a special
 * relief fund never below its county's floor) were spread over the request writers, the approval
 * batch, the reversal and fund management, each with its own arithmetic.
 */
public final class FundLedger {

    /** The rule a special relief fund below its county's floor breaks. */
    public static final String SPECIAL_RELIEF_FLOOR = "special-relief-floor";

    private final Map<UUID, Fund> funds = new HashMap<>();
    private final Map<UUID, BigDecimal> movements = new TreeMap<>();

    /** A ledger over the funds held (locked) for the unit of work; it changes them in place. */
    public FundLedger(Collection<Fund> held) {
        held.forEach(fund -> funds.put(fund.id, fund));
    }

    /** The held fund {@code id}, or {@code null} when the unit of work holds none under that id. */
    public Fund fund(UUID id) {
        return funds.get(id);
    }

    /** What is left of the fund's budget after everything approved, this ledger's charges included. */
    public BigDecimal remaining(UUID fundId) {
        return held(fundId).remaining();
    }

    /**
     * Charges {@code amount} to the fund; refuses (409 insufficient-funds, with what remains and the shortfall) and
     * changes nothing when the fund's remaining budget does not cover it.
     */
    public void charge(UUID fundId, BigDecimal amount) {
        requirePositive(amount);
        Fund fund = held(fundId);
        BigDecimal remaining = fund.remaining();
        if (remaining.compareTo(amount) < 0) {
            throw new ConflictException("insufficient-funds", "The fund has " + remaining.toPlainString()
                    + " yuan left, less than the " + amount.toPlainString() + " requested",
                    Map.of("remaining", remaining, "shortfall", amount.subtract(remaining)));
        }
        move(fund, amount);
    }

    /**
     * Returns {@code amount}, charged before, to the fund. More than the fund has approved was
     * never charged to it: that is a defect of the caller, not a client's mistake.
     */
    public void refund(UUID fundId, BigDecimal amount) {
        requirePositive(amount);
        Fund fund = held(fundId);
        if (amount.compareTo(fund.approved) > 0) {
            throw new IllegalStateException("Refunding " + amount.toPlainString() + " to fund " + fundId
                    + ", which has only " + fund.approved.toPlainString() + " approved");
        }
        move(fund, amount.negate());
    }

    /**
     * Sets the fund's budget: never below what is already approved (422 budget-below-approved),
     * nor, for special relief, below the county's floor.
     */
    public void changeBudget(UUID fundId, BigDecimal budget, CountyPolicy policy, Instant now) {
        Fund fund = held(fundId);
        requireFloor(fund.kind, budget, policy);
        if (budget.compareTo(fund.approved) < 0) {
            throw new RuleViolationException("budget-below-approved", "The budget cannot be set below the "
                    + fund.approved.toPlainString() + " yuan already approved");
        }
        fund.budget = budget;
        fund.updatedAt = now;
    }

    /** A special relief fund's budget reaches its county's floor (422 otherwise); other kinds have none. */
    public static void requireFloor(FundKind kind, BigDecimal budget, CountyPolicy policy) {
        if (kind == FundKind.SPECIAL_RELIEF && budget.compareTo(policy.specialReliefFloor()) < 0) {
            throw new RuleViolationException(SPECIAL_RELIEF_FLOOR, "A special relief fund of county "
                    + policy.countyCode() + " needs a budget of at least "
                    + policy.specialReliefFloor().toPlainString() + " yuan a year");
        }
    }

    /**
     * The net change of each fund's approved total, in fund id order (the order their rows are
     * written in, so two writers never wait for each other in a circle); funds whose charges and
     * refunds cancel out are left out.
     */
    public Map<UUID, BigDecimal> movements() {
        Map<UUID, BigDecimal> net = new TreeMap<>();
        movements.forEach((fund, amount) -> {
            if (amount.signum() != 0) {
                net.put(fund, amount);
            }
        });
        return Collections.unmodifiableMap(net);
    }

    private void move(Fund fund, BigDecimal amount) {
        fund.approved = fund.approved.add(amount);
        movements.merge(fund.id, amount, BigDecimal::add);
    }

    private Fund held(UUID fundId) {
        Fund fund = funds.get(fundId);
        if (fund == null) {
            throw new IllegalStateException("Fund " + fundId + " is not held by this ledger");
        }
        return fund;
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("An amount moved is positive, not " + amount.toPlainString());
        }
    }
}
