package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Relief's copy of a member, as of the newest member event applied. It is written only by the
 * members.events consumer; relief reads it to decide eligibility.
 */
public class MemberReplica {

    public UUID id;

    public String countyCode;

    public LocalDate birthDate;

    public LocalDate joinedPartyOn;

    public String laborCapacity;

    public BigDecimal annualIncome;

    public boolean notableContribution;

    public String hardshipStatus;

    public String registrationStatus;

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
