package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.memberaid.database.TimeOrderedUuids;

/**
 * A programme cycle: one county's round of one kind of disbursement from one fund, at one amount
 * per member, dated {@code disbursedOn}. Evaluated into entitlements (the members the programme's
 * rules admit on that date), then approved at once: the fund is charged the total and every
 * entitlement becomes an APPROVED disbursement. DRAFT until APPROVED, REJECTED or CANCELLED;
 * whoever created it may not approve or reject it (maker-checker).
 */
public class Cycle {

    public UUID id;
    public String countyCode;
    public int year;
    public DisbursementKind kind;
    public UUID fundId;
    public String name;
    public BigDecimal amount;
    public LocalDate disbursedOn;
    public StartupMechanism mechanism;
    public CycleStatus status;
    /** When it was last evaluated; null before its first evaluation. */
    public Instant evaluatedAt;
    /** The entitlements not removed, and their total. */
    public int entitled;
    public BigDecimal total;
    /** Members of the county the last evaluation left out, per rule (in rule order). */
    public Map<String, Integer> excluded;
    public String createdBy;
    public String decidedBy;
    public String decisionReason;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    public static Cycle draft(String countyCode, DisbursementKind kind, UUID fundId, String name, BigDecimal amount,
            LocalDate disbursedOn, StartupMechanism mechanism, String creator, Instant now) {
        Cycle c = new Cycle();
        c.id = TimeOrderedUuids.next();
        c.countyCode = countyCode;
        c.year = disbursedOn.getYear();
        c.kind = kind;
        c.fundId = fundId;
        c.name = name;
        c.amount = amount.setScale(2);
        c.disbursedOn = disbursedOn;
        c.mechanism = mechanism;
        c.status = CycleStatus.DRAFT;
        c.total = BigDecimal.ZERO.setScale(2);
        c.excluded = new TreeMap<>();
        c.createdBy = creator;
        c.version = 1;
        c.createdAt = stored(now);
        c.updatedAt = c.createdAt;
        return c;
    }

    /** The single request an entitlement of this cycle stands for: what the programme's rules decide on. */
    public DisbursementRequest requestFor(UUID memberId) {
        return new DisbursementRequest(memberId, fundId, kind, amount, disbursedOn, mechanism, null, name, createdBy);
    }

    /** Records an evaluation's outcome (refused unless DRAFT). */
    public void evaluated(int entitled, Map<String, Integer> excluded, Instant now) {
        requireDraft("evaluated");
        this.entitled = entitled;
        this.total = amount.multiply(BigDecimal.valueOf(entitled));
        this.excluded = new TreeMap<>(excluded);
        this.evaluatedAt = stored(now);
        changed(now);
    }

    /** One entitlement fewer (refused unless DRAFT). */
    public void entitlementRemoved(Instant now) {
        requireDraft("changed");
        entitled -= 1;
        total = total.subtract(amount);
        changed(now);
    }

    /** Refuses (409, 422) what {@link #approve} would refuse, changing nothing. */
    public void checkApprovableBy(String approver) {
        requireDraft("approved");
        requireOtherThanCreator(approver, "approver");
        if (evaluatedAt == null) {
            throw new ConflictException("cycle-not-evaluated", "Evaluate the cycle before approving it", Map.of());
        }
        if (entitled == 0) {
            throw new RuleViolationException("cycle-empty", "The cycle entitles nobody; there is nothing to approve");
        }
    }

    public void approve(String approver, Instant now) {
        checkApprovableBy(approver);
        status = CycleStatus.APPROVED;
        decidedBy = approver;
        changed(now);
    }

    public void reject(String rejecter, String why, Instant now) {
        requireDraft("rejected");
        requireOtherThanCreator(rejecter, "rejecter");
        status = CycleStatus.REJECTED;
        decidedBy = rejecter;
        decisionReason = why;
        changed(now);
    }

    /** Its creator (or anyone allowed to) withdraws a cycle that is still a draft. */
    public void cancel(String canceller, String why, Instant now) {
        requireDraft("cancelled");
        status = CycleStatus.CANCELLED;
        decidedBy = canceller;
        decisionReason = why;
        changed(now);
    }

    private void changed(Instant now) {
        updatedAt = stored(now);
    }

    /** Refuses (409 illegal-transition) unless the cycle is still a DRAFT, which alone can be {@code action}. */
    public void requireDraft(String action) {
        if (status != CycleStatus.DRAFT) {
            throw new ConflictException("illegal-transition", "A " + status + " cycle cannot be " + action
                    + "; only a DRAFT one can", Map.of("cycleStatus", status.name()));
        }
    }

    private void requireOtherThanCreator(String actor, String role) {
        if (actor.equals(createdBy)) {
            throw new RuleViolationException("maker-checker", "The " + role + " must not be the cycle's creator ("
                    + createdBy + ")");
        }
    }

    /** The precision the database keeps, so an answer and a later read of it agree. */
    private static Instant stored(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS);
    }
}
