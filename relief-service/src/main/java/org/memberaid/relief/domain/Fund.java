package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.memberaid.database.TimeOrderedUuids;

/**
 * A county's budget of one kind for one year, and how much of it is approved for payment. Its money
 * changes only through a {@link FundLedger}.
 */
public class Fund {

    public UUID id;

    public String countyCode;

    public int year;

    public FundKind kind;

    public BigDecimal budget;

    public BigDecimal approved;

    /** The row's version (ETag and event sequence), 1 once stored; null until then. */
    public Long version;

    public Instant createdAt;

    public Instant updatedAt;

    public static Fund allocate(String countyCode, int year, FundKind kind, BigDecimal budget, Instant now) {
        Fund fund = new Fund();
        fund.id = TimeOrderedUuids.next();
        fund.countyCode = countyCode;
        fund.year = year;
        fund.kind = kind;
        fund.budget = budget;
        fund.approved = BigDecimal.ZERO.setScale(2);
        fund.createdAt = now;
        fund.updatedAt = now;
        return fund;
    }

    /** What is left to approve; {@link FundLedger} decides every change of the fund's money by it. */
    public BigDecimal remaining() {
        return budget.subtract(approved);
    }
}
