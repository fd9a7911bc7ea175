package org.memberaid.deploy.loadgen.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.csv.Csv;

class CensusMembersTest {

    private static final LocalDate CENSUS = LocalDate.of(2015, 1, 5);

    @Test
    void drawsACensusMemberOfTheCountyWithTheGivenEthnicityAndHardship() {
        SyntheticMembers synthetic = new SyntheticMembers(11, CENSUS);
        for (int i = 0; i < 2_000; i++) {
            HardshipStatus status = i % 2 == 0 ? HardshipStatus.IN_DIFFICULTY : HardshipStatus.NOT_IN_DIFFICULTY;

            SyntheticMember member = synthetic.nextOfCensus("620725", "回族", status);

            assertThat(member.nationalId()).startsWith("620725");
            assertThat(NationalIds.hasValidCheckDigit(member.nationalId())).isTrue();
            assertThat(member.countyCode()).isEqualTo("620725");
            assertThat(member.ethnicity()).isEqualTo("回族");
            assertThat(member.hardshipStatus()).isEqualTo(status);
            assertThat(member.causes().isEmpty()).isEqualTo(status == HardshipStatus.NOT_IN_DIFFICULTY);
            assertThat(Period.between(member.birthDate(), CENSUS).getYears()).isBetween(18, 95);
            assertThat(member.joinedPartyOn()).isBefore(CENSUS);
        }
    }

    @Test
    void drawsTheSameCensusFromTheSameSeedAndLeavesNextAsItWas() {
        assertThat(new SyntheticMembers(3, CENSUS).nextOfCensus("620702", "汉族", HardshipStatus.NOT_IN_DIFFICULTY))
                .isEqualTo(new SyntheticMembers(3, CENSUS).nextOfCensus("620702", "汉族", HardshipStatus.NOT_IN_DIFFICULTY));
        assertThat(new SyntheticMembers(3, CENSUS).next()).isEqualTo(new SyntheticMembers(3, CENSUS).next());
    }

    @Test
    void writesTheRegisteredOnColumnLast() {
        SyntheticMember member = new SyntheticMembers(5, CENSUS).nextOfCensus("620721", "藏族", HardshipStatus.NOT_IN_DIFFICULTY);

        List<List<String>> rows = Csv.parse(MemberCsv.toCsvWithRegisteredOn(List.of(member), any -> LocalDate.of(2015, 1, 30)));

        assertThat(rows.get(0)).endsWith("causes", "registeredOn").hasSize(MemberCsv.HEADER.size() + 1);
        assertThat(rows.get(1)).startsWith(member.nationalId()).endsWith("2015-01-30");
    }
}
