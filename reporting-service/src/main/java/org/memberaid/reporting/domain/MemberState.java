package org.memberaid.reporting.domain;

import java.util.UUID;

/** Reporting's own copy of what it needs of a member, at a given version. */
public record MemberState(UUID memberId, String countyCode, String registrationStatus, String hardshipStatus,
        long version) {

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
}
