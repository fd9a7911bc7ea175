package org.memberaid.deploy.loadgen.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A registration as members-service accepts it, in the order of the CSV columns. */
public record SyntheticMember(
        String nationalId,
        String name,
        Gender gender,
        String ethnicity,
        String phone,
        String countyCode,
        String township,
        String village,
        String partyBranch,
        LocalDate joinedPartyOn,
        Education education,
        LaborCapacity laborCapacity,
        BigDecimal annualIncome,
        boolean notableContribution,
        HardshipStatus hardshipStatus,
        List<HardshipCause> causes) {

    public SyntheticMember {
        causes = List.copyOf(causes);
    }

    public LocalDate birthDate() {
        return NationalIds.birthDate(nationalId);
    }
}
