package org.memberaid.deploy.loadgen.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic members all registered in one county, a stated share of them made for the living
 * subsidy ({@link SyntheticMembers#nextForLivingSubsidy}), the rest ordinary members of the census
 * ({@link SyntheticMembers#nextInCounty}), interleaved evenly: of every 100 rows, {@code percent}
 * are made eligible. The same seed, day, county, count, share and age give the same members.
 *
 * @param members in CSV order
 * @param madeEligible how many were made eligible: {@code count * percent / 100}, rounded down
 */
public record CountyCensus(List<SyntheticMember> members, int madeEligible) {

    public CountyCensus {
        members = List.copyOf(members);
    }

    /**
     * @param percent the share made eligible, 0 to 100
     * @param minAge the county policy's living subsidy age
     */
    public static CountyCensus generate(SyntheticMembers synthetic, String countyCode, int count, int percent, int minAge) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("the eligible share is a percentage, 0 to 100, not " + percent);
        }
        List<SyntheticMember> members = new ArrayList<>(count);
        int eligible = 0;
        for (int i = 0; i < count; i++) {
            // Row i is eligible when the running quota (i + 1) * percent / 100 steps up on it.
            if ((long) (i + 1) * percent / 100 > (long) i * percent / 100) {
                members.add(synthetic.nextForLivingSubsidy(countyCode, minAge));
                eligible++;
            } else {
                members.add(synthetic.nextInCounty(countyCode));
            }
        }
        return new CountyCensus(members, eligible);
    }

    /**
     * How many of the members the living subsidy's rules admit on {@code on}: those made eligible,
     * and the few ordinary members who qualify by chance (old, in difficulty, without labour
     * capacity and income), as long as none has had this year's subsidy.
     */
    public int qualifying(LocalDate on, int minAge) {
        return (int) members.stream().filter(member -> SyntheticMembers.livingSubsidyEligible(member, on, minAge)).count();
    }
}
