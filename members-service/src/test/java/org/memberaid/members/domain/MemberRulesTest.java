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
    private static final ProgrammeYears YEARS = ProgrammeYears.asOf(2000, TODAY);

    private static MemberInput input(String nationalId, String gender, String joinedPartyOn, String income,
            String hardship, List<String> causes) {
        return registeredOn(nationalId, joinedPartyOn, null, income, hardship, causes, gender);
    }

    private static MemberInput registeredOn(String nationalId, String joinedPartyOn, String registeredOn, String income,
            String hardship, List<String> causes, String gender) {
        return new MemberInput(nationalId, " 王秀英 ", gender, "汉族", "13909360123", "620702", "梁家墩镇", "清凉寺村",
                "清凉寺村党支部", joinedPartyOn, registeredOn, "PRIMARY", "FULL", income, "false", hardship, causes, null,
                null);
    }

    /** A valid registration with these payee details as typed. */
    private static MemberInput withPayee(String bankAccount, String accountHolder) {
        return new MemberInput("620702197001010015", "王秀英", null, null, null, "620702", null, null, null, "1995-07-01",
                null, null, "FULL", "0", null, null, null, bankAccount, accountHolder);
    }

    private static List<Violation> violationsOf(MemberInput input) {
        try {
            MemberRules.registration(input, TODAY, YEARS, COUNTIES::contains);
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    @Test
    void acceptsAValidRegistrationAndDerivesWhatTheIdTells() {
        MemberDetails details = MemberRules.registration(
                input("620702197001010015", null, "1995-07-01", "18000.5", null, null), TODAY, YEARS, COUNTIES::contains);

        assertThat(details.profile().name()).isEqualTo("王秀英");
        assertThat(details.profile().gender()).isEqualTo(Gender.MALE);
        assertThat(details.profile().annualIncome()).hasToString("18000.50");
        assertThat(details.hardshipStatus()).isEqualTo(HardshipStatus.NOT_IN_DIFFICULTY);
        assertThat(details.registeredOn()).as("registered today unless dated").isEqualTo(TODAY);
    }

    @Test
    void registersOnAPastBusinessDateOfTheProgramme() {
        MemberDetails details = MemberRules.registration(registeredOn("620702197001010015", "1995-07-01", "2015-03-10",
                "0", null, null, null), TODAY, YEARS, COUNTIES::contains);

        assertThat(details.registeredOn()).isEqualTo(LocalDate.of(2015, 3, 10));
    }

    @Test
    void refusesARegistrationDateInTheFutureOutsideTheProgrammeOrBeforeJoiningTheParty() {
        assertThat(violationsOf(registeredOn("620702197001010015", "1995-07-01", "2026-11-28", "0", null, null, null)))
                .containsExactly(new Violation("registeredOn", "is in the future"));
        assertThat(violationsOf(registeredOn("620702197001010015", "1995-07-01", "1999-12-31", "0", null, null, null)))
                .containsExactly(new Violation("registeredOn",
                        "must fall within the programme's years, 2000 to 2027 (rule programme-years)"));
        assertThat(violationsOf(registeredOn("620702197001010015", "2010-07-01", "2009-05-01", "0", null, null, null)))
                .containsExactly(new Violation("registeredOn", "is before the member joined the party (2010-07-01)"));
        assertThat(violationsOf(registeredOn("620702197001010015", "1995-07-01", "10/03/2015", "0", null, null, null)))
                .containsExactly(new Violation("registeredOn", "must be a date yyyy-MM-dd"));
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
                "someday", "never", "SOME", "full", "many", "maybe", "POOR", List.of("BAD_LUCK"), "0", null);

        assertThatThrownBy(() -> MemberRules.registration(bad, TODAY, YEARS, COUNTIES::contains))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("nationalId", "name", "gender", "phone", "countyCode", "joinedPartyOn", "registeredOn",
                                "education",
                                "laborCapacity", "annualIncome", "notableContribution", "hardshipStatus", "causes",
                                "bankAccount"));
    }

    @Test
    void takesPayeeDetailsDroppingTheSpacesTypedBetweenGroupsOfDigits() {
        MemberDetails details = MemberRules.registration(withPayee(" 6222 0202 0011  2233 445 ", " 王秀英 "), TODAY, YEARS,
                COUNTIES::contains);

        assertThat(details.profile().payee()).isEqualTo(new Payee("6222020200112233445", "王秀英"));
        assertThat(MemberRules.registration(withPayee(null, " "), TODAY, YEARS, COUNTIES::contains).profile().payee())
                .as("neither").isNull();
    }

    @Test
    void refusesABankAccountThatIsNotTwelveToThirtyDigitsWithoutRepeatingIt() {
        for (String account : List.of("62220202001", "6".repeat(31), "6222-0202-0011-2233", "6222 0202 0011 2233 44X",
                "６２２２０２０２００１１２２３３４４５", " 622202020011 2233445 ,")) {
            assertThat(violationsOf(withPayee(account, "王秀英"))).as(account).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("bankAccount");
                assertThat(violation.message()).isEqualTo("must be 12 to 30 digits (spaces between groups of digits "
                        + "are dropped)");
            });
        }
        assertThat(violationsOf(withPayee("6".repeat(12), "王秀英"))).isEmpty();
        assertThat(violationsOf(withPayee("6".repeat(30), "王秀英"))).isEmpty();
    }

    @Test
    void refusesAnAccountWithoutItsHolderOrAHolderWithoutAnAccountNamingTheRule() {
        assertThat(violationsOf(withPayee("6222020200112233445", "  "))).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("accountHolder");
            assertThat(violation.message()).endsWith("both or neither (rule payee-incomplete)");
        });
        assertThat(violationsOf(withPayee(null, "王秀英"))).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("bankAccount");
            assertThat(violation.message()).endsWith("both or neither (rule payee-incomplete)");
        });
        assertThat(violationsOf(withPayee("6222020200112233445", "王".repeat(101)))).extracting(Violation::field)
                .containsExactly("accountHolder");
        assertThat(violationsOf(withPayee("6222020200112233445", "王".repeat(100)))).isEmpty();
    }

    @Test
    void keepsTheCurrentAccountWhenAnUpdateSendsItBackMaskedAsAnswered() {
        Payee current = new Payee("6222020200112233445", "王秀英");
        NationalId id = NationalId.parse("620702197001010015");

        assertThat(MemberRules.profile(withPayee("6222***********3445", "王秀兰"), id, current, TODAY).payee())
                .isEqualTo(new Payee("6222020200112233445", "王秀兰"));
        assertThat(MemberRules.profile(withPayee(null, null), id, current, TODAY).payee()).as("removed").isNull();
        assertThatThrownBy(() -> MemberRules.profile(withPayee("6222***********9999", "王秀英"), id, current, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("bankAccount"));
        assertThatThrownBy(() -> MemberRules.profile(withPayee("6222***********3445", "王秀英"), id, null, TODAY))
                .as("a member without an account has nothing to keep").isInstanceOf(InvalidInputException.class);
    }
}
