package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A county's customised policy as stored; counties without one follow {@link CountyPolicy#defaults}. */
public class StoredCountyPolicy {

    public String countyCode;

    public BigDecimal hardshipReliefMin;

    public BigDecimal hardshipReliefMax;

    public BigDecimal livingSubsidyMin;

    public BigDecimal livingSubsidyMax;

    public int livingSubsidyAge;

    public BigDecimal specialReliefFloor;

    public BigDecimal startupSupportMax;

    public int veteranYears;

    /** The row's version (the policy's ETag), 1 once stored; null until then. */
    public Long version;

    public Instant updatedAt;

    public CountyPolicy toPolicy() {
        return new CountyPolicy(countyCode, hardshipReliefMin, hardshipReliefMax, livingSubsidyMin, livingSubsidyMax,
                livingSubsidyAge, specialReliefFloor, startupSupportMax, veteranYears, version);
    }

    public void apply(CountyPolicy policy, Instant now) {
        hardshipReliefMin = policy.hardshipReliefMin().setScale(2);
        hardshipReliefMax = policy.hardshipReliefMax().setScale(2);
        livingSubsidyMin = policy.livingSubsidyMin().setScale(2);
        livingSubsidyMax = policy.livingSubsidyMax().setScale(2);
        livingSubsidyAge = policy.livingSubsidyAge();
        specialReliefFloor = policy.specialReliefFloor().setScale(2);
        startupSupportMax = policy.startupSupportMax().setScale(2);
        veteranYears = policy.veteranYears();
        updatedAt = now;
    }
}
