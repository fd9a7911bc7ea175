package org.memberaid.relief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A county's customised policy as stored; counties without one follow {@link CountyPolicy#defaults}. */
@Entity
@Table(name = "county_policy")
public class StoredCountyPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "hardship_relief_min", nullable = false)
    public BigDecimal hardshipReliefMin;

    @Column(name = "hardship_relief_max", nullable = false)
    public BigDecimal hardshipReliefMax;

    @Column(name = "living_subsidy_min", nullable = false)
    public BigDecimal livingSubsidyMin;

    @Column(name = "living_subsidy_max", nullable = false)
    public BigDecimal livingSubsidyMax;

    @Column(name = "living_subsidy_age", nullable = false)
    public int livingSubsidyAge;

    @Column(name = "special_relief_floor", nullable = false)
    public BigDecimal specialReliefFloor;

    @Column(name = "startup_support_max", nullable = false)
    public BigDecimal startupSupportMax;

    @Column(name = "veteran_years", nullable = false)
    public int veteranYears;

    @Version
    public Long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void firstVersion() {
        if (version == null) {
            version = 1L;
        }
    }

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
