package org.memberaid.members.domain;

import org.memberaid.problems.Violation;
import org.memberaid.problems.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Set<String> COUNTIES = Set.of("620702", "620721");

    private static MemberInput input(String nationalId, String gender, String joinedPartyOn, String income,
            String hardship, List<String> causes) {
        return new MemberInput(nationalId, " 王秀英 ", gender, "汉族", "13909360123", "620702", "梁家墩镇", "清凉寺村",
                "清凉寺村党支部", joinedPartyOn, "PRIMARY", "FULL", income, "false", hardship, causes);
    }

    private static List<Violation> violationsOf(MemberInput input) {
        try {
            MemberRules.registration(input, TODAY, COUNTIES::contains);
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    @Test
    void acceptsAValidRegistrationAndDerivesWhatTheIdTells() {
        MemberDetails details = MemberRules.registration(
                input("620702197001010015", null, "1995-07-01", "18000.5", null, null), TODAY, COUNTIES::contains);

        assertThat(details.profile().name()).isEqualTo("王秀英");
        assertThat(details.profile().gender()).isEqualTo(Gender.MALE);
        assertThat(details.profile().annualIncome()).hasToString("18000.50");
        assertThat(details.hardshipStatus()).isEqualTo(HardshipStatus.NOT_IN_DIFFICULTY);
    }

    @Test
    void refusesSomeoneUnder18() {
        String seventeen = "62070220090101" + "001";
        String id = seventeen + NationalId.checkCharacter(seventeen);

        assertThat(violationsOf(input(id, null, "2026-01-01", "0", null, null)))
                .extracting(Violation::field).contains("nationalId");
    }

    @Test
    void refusesAGenderThatContradictsTheId() {
        assertThat(violationsOf(input("620702197001010015", "FEMALE", "1995-07-01", "0", null, null)))
                .containsExactly(new Violation("gender", "contradicts the national ID, which says MALE"));
    }

    @Test
    void refusesJoiningBeforeThe18thBirthdayOrInTheFuture() {
        assertThat(violationsOf(input("620702197001010015", null, "1987-12-31", "0", null, null)))
                .extracting(Violation::field).containsExactly("joinedPartyOn");
        assertThat(violationsOf(input("620702197001010015", null, "2027-01-01", "0", null, null)))
                .containsExactly(new Violation("joinedPartyOn", "is in the future"));
    }

    @Test
    void refusesNegativeIncomeAndFractionsOfAFen() {
        assertThat(violationsOf(input("620702197001010015", null, "1995-07-01", "-1", null, null)))
                .containsExactly(new Violation("annualIncome", "must not be negative"));
        assertThat(violationsOf(input("620702197001010015", null, "1995-07-01", "10.005", null, null)))
                .extracting(Violation::field).containsExactly("annualIncome");
    }

    @Test
    void requiresACauseForDifficultyAndRefusesLiftedOutAtRegistration() {
        assertThat(violationsOf(input("620702197001010015", null, "1995-07-01", "0", "IN_DIFFICULTY", List.of())))
                .extracting(Violation::field).containsExactly("causes");
        assertThat(violationsOf(input("620702197001010015", null, "1995-07-01", "0", "LIFTED_OUT", List.of())))
                .extracting(Violation::field).containsExactly("hardshipStatus");
    }

    @Test
    void reportsEveryViolationNotOnlyTheFirst() {
        MemberInput bad = new MemberInput("620702197001010016", "", "X", null, "123", "999999", null, null, null,
                "someday", "SOME", "full", "many", "maybe", "POOR", List.of("BAD_LUCK"));

        assertThatThrownBy(() -> MemberRules.registration(bad, TODAY, COUNTIES::contains))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("nationalId", "name", "gender", "phone", "countyCode", "joinedPartyOn", "education",
                                "laborCapacity", "annualIncome", "notableContribution", "hardshipStatus", "causes"));
    }
}
