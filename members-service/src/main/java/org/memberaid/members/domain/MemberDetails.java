package org.memberaid.members.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A validated registration: everything needed to put a new member on the registry.
 *
 * @param registeredOn the business date the member entered the registry, from which every figure counts it
 */
public record MemberDetails(NationalId nationalId, String countyCode, MemberProfile profile,
        HardshipStatus hardshipStatus, Set<HardshipCause> hardshipCauses, LocalDate registeredOn) {
}
