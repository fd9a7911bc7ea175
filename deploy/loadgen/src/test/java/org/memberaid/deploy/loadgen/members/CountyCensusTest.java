package org.memberaid.deploy.loadgen.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountyCensusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String SUNAN = "620721";

    @Test
    void everyMemberIsInTheCountyAndTheStatedShareIsMadeEligibleEvenly() {
        CountyCensus census = CountyCensus.generate(new SyntheticMembers(42, TODAY), SUNAN, 10_000, 40, 70);

        assertThat(census.members()).hasSize(10_000).allSatisfy(member -> {
            assertThat(member.countyCode()).isEqualTo(SUNAN);
            assertThat(member.township()).isIn(County.SUNAN.townships);
        });
        assertThat(census.madeEligible()).isEqualTo(4_000);
        // Evenly: every block of 100 rows holds 40 eligible ones, and so does the file's end.
        for (int block = 0; block < 100; block++) {
            List<SyntheticMember> rows = census.members().subList(block * 100, block * 100 + 100);
            assertThat(rows.stream().filter(member -> SyntheticMembers.livingSubsidyEligible(member, TODAY, 70)).count())
                    .isGreaterThanOrEqualTo(40);
        }
        // The ordinary members are the census's: a few qualify by chance, most are not in difficulty.
        int qualifying = census.qualifying(TODAY, 70);
        assertThat(qualifying).isBetween(4_000, 4_000 + 60);
        assertThat(census.members().stream().filter(member -> member.hardshipStatus() == HardshipStatus.NOT_IN_DIFFICULTY)
                .count()).isBetween(5_500L, 6_000L);
    }

    @Test
    void theEligibleMembersMeetTheLivingSubsidyRulesWithTwoDaysToSpare() {
        SyntheticMembers synthetic = new SyntheticMembers(7, TODAY);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            SyntheticMember member = synthetic.nextForLivingSubsidy(SUNAN, 70);
            assertThat(member.hardshipStatus()).isEqualTo(HardshipStatus.IN_DIFFICULTY);
            assertThat(member.causes()).contains(HardshipCause.OLD_AGE).hasSizeBetween(1, 2);
            assertThat(member.laborCapacity()).isEqualTo(LaborCapacity.NONE);
            assertThat(member.annualIncome()).isEqualByComparingTo("0").hasToString("0.00");
            // Aged 70 to 95 on each of the days around today, so a service a day off still agrees.
            for (LocalDate day = TODAY.minusDays(2); !day.isAfter(TODAY.plusDays(2)); day = day.plusDays(1)) {
                assertThat(Period.between(member.birthDate(), day).getYears()).isBetween(70, 95);
            }
            assertThat(Period.between(member.birthDate(), member.joinedPartyOn()).getYears()).isGreaterThanOrEqualTo(18);
            assertThat(member.joinedPartyOn()).isBefore(TODAY);
            assertThat(NationalIds.hasValidCheckDigit(member.nationalId())).isTrue();
            assertThat(NationalIds.gender(member.nationalId())).isEqualTo(member.gender());
            assertThat(ids.add(member.nationalId())).isTrue();
            assertThat(SyntheticMembers.livingSubsidyEligible(member, TODAY, 70)).isTrue();
        }
    }

    @Test
    void theSameSeedAndDayGiveTheSameCensusAndItWritesAsCsv() {
        CountyCensus first = CountyCensus.generate(new SyntheticMembers(11, TODAY), SUNAN, 500, 40, 70);
        CountyCensus again = CountyCensus.generate(new SyntheticMembers(11, TODAY), SUNAN, 500, 40, 70);
        CountyCensus other = CountyCensus.generate(new SyntheticMembers(12, TODAY), SUNAN, 500, 40, 70);

        assertThat(again).isEqualTo(first);
        assertThat(other.members()).extracting(SyntheticMember::nationalId)
                .doesNotContainAnyElementsOf(first.members().stream().map(SyntheticMember::nationalId).toList());
        String[] lines = MemberCsv.toCsv(first.members()).split("\r\n");
        assertThat(lines).hasSize(501);
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(MemberCsv.HEADER.size());
        }
    }

    @Test
    void theShareIsRoundedDownAndItsLimitsHold() {
        assertThat(CountyCensus.generate(new SyntheticMembers(1, TODAY), SUNAN, 7, 40, 70).madeEligible()).isEqualTo(2);
        assertThat(CountyCensus.generate(new SyntheticMembers(1, TODAY), SUNAN, 7, 0, 70).madeEligible()).isZero();
        assertThat(CountyCensus.generate(new SyntheticMembers(1, TODAY), SUNAN, 7, 100, 70).madeEligible()).isEqualTo(7);
        assertThatThrownBy(() -> CountyCensus.generate(new SyntheticMembers(1, TODAY), SUNAN, 7, 101, 70))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticMembers(1, TODAY).nextForLivingSubsidy(SUNAN, 94))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticMembers(1, TODAY).nextInCounty("110101"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
