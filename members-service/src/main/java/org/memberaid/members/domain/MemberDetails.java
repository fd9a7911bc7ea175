package org.memberaid.members.domain;

import java.util.Set;

/** A validated registration: everything needed to put a new member on the registry. */
public record MemberDetails(NationalId nationalId, String countyCode, MemberProfile profile,
        HardshipStatus hardshipStatus, Set<HardshipCause> hardshipCauses) {
}
