package org.memberaid.members.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The attributes of a member that an update may change (not the ID, county or statuses).
 *
 * @param payee the payee details, or null when the member has none
 */
public record MemberProfile(String name, Gender gender, String ethnicity, String phone, String township,
        String village, String partyBranch, LocalDate joinedPartyOn, Education education,
        LaborCapacity laborCapacity, BigDecimal annualIncome, boolean notableContribution, Payee payee) {
}
