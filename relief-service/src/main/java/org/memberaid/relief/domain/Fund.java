package org.memberaid.relief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.memberaid.database.TimeOrderedUuids;

/**
 * A county's budget of one kind for one year, and how much of it is approved for payment. Its money
 * changes only through a {@link FundLedger}.
 */
@Entity
public class Fund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false, updatable = false)
    public String countyCode;

    @Column(nullable = false, updatable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FundKind kind;

    @Column(nullable = false)
    public BigDecimal budget;

    @Column(nullable = false)
    public BigDecimal approved;

    @Version
    public Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
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

    @PrePersist
    void firstVersion() {
        if (version == null) {
            version = 1L;
        }
    }
}
