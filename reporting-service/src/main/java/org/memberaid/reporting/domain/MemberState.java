package org.memberaid.reporting.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Reporting's own copy of what it needs of a member, at a given version.
 *
 * @param since the business date from which this state counts in the month-end history: the change's
 *     {@code effectiveOn}, never before the member's registration nor before the state it replaced
 *     counts from ({@link Ledger#member})
 */
public record MemberState(UUID memberId, String countyCode, String registrationStatus, String hardshipStatus,
        long version, LocalDate since) {

    /** Only active members count in any figure. */
    public boolean counted() {
        return "ACTIVE".equals(registrationStatus);
    }

    /** What this member adds to its county's stock figures. */
    CountyFigures contribution() {
        if (!counted()) {
            return CountyFigures.ZERO;
        }
        return new CountyFigures(1, "IN_DIFFICULTY".equals(hardshipStatus) ? 1 : 0,
                "LIFTED_OUT".equals(hardshipStatus) ? 1 : 0);
    }

    /** This state, counting from {@code day}. */
    MemberState countingFrom(LocalDate day) {
        return day.equals(since) ? this : new MemberState(memberId, countyCode, registrationStatus, hardshipStatus,
                version, day);
    }
}
