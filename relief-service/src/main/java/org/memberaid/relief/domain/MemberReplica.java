package org.memberaid.relief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Relief's copy of a member, as of the newest member event applied. It is written only by the
 * members.events consumer; relief reads it to decide eligibility.
 */
@Entity
@Table(name = "member_replica")
public class MemberReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "joined_party_on")
    public LocalDate joinedPartyOn;

    @Column(name = "labor_capacity")
    public String laborCapacity;

    @Column(name = "annual_income")
    public BigDecimal annualIncome;

    @Column(name = "notable_contribution", nullable = false)
    public boolean notableContribution;

    @Column(name = "hardship_status", nullable = false)
    public String hardshipStatus;

    @Column(name = "registration_status", nullable = false)
    public String registrationStatus;

    @Column(nullable = false)
    public long version;

    /** The rule refusing a member relief has not heard of (yet). */
    public static final String UNKNOWN = "member-unknown";

    /** How long a client waits before asking again about a member just registered (Retry-After). */
    public static final String RETRY_AFTER_SECONDS = "1";

    /** A request about a member relief has not heard of yet is answered 422, saying so. */
    public static RuleViolationException unknown(UUID id) {
        return new RuleViolationException(UNKNOWN, "Member " + id + " is not known to relief-service yet; "
                + "if it was just registered, retry in a moment");
    }
}
