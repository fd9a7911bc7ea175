package org.memberaid.reporting.domain;

import java.util.UUID;

/** Reporting's own copy of what it needs of a member, at a given version. */
public record MemberState(UUID memberId, String countyCode, String registrationStatus, long version) {

    public boolean counted() {
        return "ACTIVE".equals(registrationStatus);
    }
}
