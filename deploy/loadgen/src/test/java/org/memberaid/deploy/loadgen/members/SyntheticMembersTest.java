package org.memberaid.deploy.loadgen.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticMembersTest {

    /** A leap year's 29 February is among the birth dates, and today is the day after a 28 February. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final int COUNT = 50_000;
    private static final Set<String> COUNTY_CODES = Set.of("620702", "620721", "620722", "620723", "620724", "620725");

    private static List<SyntheticMember> members;

    @BeforeAll
    static void generate() {
        members = new SyntheticMembers(42, TODAY).next(COUNT);
    }

    @Test
    void everyNationalIdHasAValidCheckDigitAndIsUnique() {
        Set<String> ids = new HashSet<>();
        for (SyntheticMember member : members) {
            assertThat(NationalIds.hasValidCheckDigit(member.nationalId())).as(member.nationalId()).isTrue();
            assertThat(ids.add(member.nationalId())).as("duplicate %s", member.nationalId()).isTrue();
            int province = Integer.parseInt(member.nationalId().substring(0, 2));
            assertThat(province).isBetween(11, 65);
            assertThat(member.nationalId().substring(14, 17)).isNotEqualTo("000");
        }
    }

    @Test
    void theIdCarriesTheGenderAndABirthDateOfSomeoneAged18To95() {
        boolean leapDayBirth = false;
        for (SyntheticMember member : members) {
            assertThat(NationalIds.gender(member.nationalId())).as(member.nationalId()).isEqualTo(member.gender());
            int age = Period.between(member.birthDate(), TODAY).getYears();
            assertThat(age).as(member.nationalId()).isBetween(18, 95);
            leapDayBirth |= member.birthDate().getMonthValue() == 2 && member.birthDate().getDayOfMonth() == 29;
        }
        assertThat(leapDayBirth).as("some member is born on 29 February").isTrue();
        assertThat(members).extracting(SyntheticMember::gender).contains(Gender.MALE, Gender.FEMALE);
    }

    @Test
    void membersJoinedThePartyAdultAndNotInTheFuture() {
        for (SyntheticMember member : members) {
            assertThat(Period.between(member.birthDate(), member.joinedPartyOn()).getYears())
                    .as("age at joining of %s, born %s, joined %s", member.nationalId(), member.birthDate(), member.joinedPartyOn())
                    .isGreaterThanOrEqualTo(18);
            assertThat(member.joinedPartyOn()).isBefore(TODAY);
        }
    }

    @Test
    void theAgeAndJoiningRulesHoldOnEveryDayAroundA29February() {
        for (LocalDate today = LocalDate.of(2028, 2, 20); today.isBefore(LocalDate.of(2028, 3, 10)); today = today.plusDays(1)) {
            for (SyntheticMember member : new SyntheticMembers(today.toEpochDay(), today).next(2_000)) {
                assertThat(Period.between(member.birthDate(), today).getYears()).isBetween(18, 95);
                assertThat(Period.between(member.birthDate(), member.joinedPartyOn()).getYears()).isGreaterThanOrEqualTo(18);
                assertThat(member.joinedPartyOn()).isBefore(today);
            }
        }
    }

    @Test
    void fieldsHaveTheShapesTheRegistryAccepts() {
        for (SyntheticMember member : members) {
            assertThat(member.name().codePointCount(0, member.name().length())).isBetween(2, 4);
            assertThat(member.name()).matches("\\p{IsHan}+");
            assertThat(member.phone()).matches("1[3-9]\\d{9}");
            assertThat(member.countyCode()).isIn(COUNTY_CODES);
            assertThat(member.ethnicity()).isIn("汉族", "回族", "裕固族", "藏族");
            assertThat(member.township()).isNotBlank();
            assertThat(member.partyBranch()).isEqualTo(member.village() + "党支部");
            assertThat(member.annualIncome().scale()).isEqualTo(2);
            assertThat(member.annualIncome()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        assertThat(members).extracting(SyntheticMember::annualIncome).contains(new BigDecimal("0.00"));
        assertThat(members).extracting(SyntheticMember::notableContribution).contains(true, false);
        assertThat(members).extracting(SyntheticMember::countyCode).containsAll(COUNTY_CODES);
    }

    @Test
    void onlyMembersInDifficultyHaveCausesOneOrTwo() {
        long inDifficulty = 0;
        for (SyntheticMember member : members) {
            if (member.hardshipStatus() == HardshipStatus.IN_DIFFICULTY) {
                inDifficulty++;
                assertThat(member.causes()).hasSizeBetween(1, 2).doesNotHaveDuplicates();
            } else {
                assertThat(member.causes()).isEmpty();
            }
        }
        assertThat(inDifficulty / (double) COUNT).isBetween(0.044, 0.054);
    }

    @Test
    void ganzhouHasTheMostMembers() {
        long ganzhou = members.stream().filter(member -> member.countyCode().equals("620702")).count();
        for (String county : COUNTY_CODES) {
            assertThat(members.stream().filter(member -> member.countyCode().equals(county)).count()).isLessThanOrEqualTo(ganzhou);
        }
    }

    @Test
    void theSameSeedGivesTheSameMembersAndAnotherSeedOthers() {
        assertThat(new SyntheticMembers(42, TODAY).next(100)).isEqualTo(members.subList(0, 100));
        assertThat(new SyntheticMembers(43, TODAY).next(100)).doesNotContainAnyElementsOf(members.subList(0, 100));
    }

    @Test
    void membersInDifficultyCanBeAskedForInEachCounty() {
        assertThat(SyntheticMembers.countyCodes()).hasSize(6).containsExactlyInAnyOrderElementsOf(COUNTY_CODES)
                .startsWith("620702");
        SyntheticMembers synthetic = new SyntheticMembers(7, TODAY);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            String county = SyntheticMembers.countyCodes().get(i % 6);
            SyntheticMember member = synthetic.nextInDifficulty(county, List.of(HardshipCause.ILLNESS));
            assertThat(member.countyCode()).isEqualTo(county);
            assertThat(member.township()).isIn(townshipsOf(county));
            assertThat(member.hardshipStatus()).isEqualTo(HardshipStatus.IN_DIFFICULTY);
            assertThat(member.causes()).containsExactly(HardshipCause.ILLNESS);
            assertThat(NationalIds.hasValidCheckDigit(member.nationalId())).isTrue();
            assertThat(ids.add(member.nationalId())).isTrue();
        }
        assertThat(new SyntheticMembers(7, TODAY).nextInDifficulty("620721", List.of(HardshipCause.OTHER)).nationalId())
                .isEqualTo(new SyntheticMembers(7, TODAY).next().nationalId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> synthetic.nextInDifficulty("110101", List.of(HardshipCause.ILLNESS)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> synthetic.nextInDifficulty("620702", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> townshipsOf(String countyCode) {
        for (County county : County.values()) {
            if (county.code.equals(countyCode)) {
                return county.townships;
            }
        }
        throw new AssertionError(countyCode);
    }
}
