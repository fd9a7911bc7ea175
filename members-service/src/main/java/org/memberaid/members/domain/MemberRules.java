package org.memberaid.members.domain;

import org.memberaid.problems.Violation;
import org.memberaid.problems.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The registry's input rules, as plain Java shared by the JSON API and the CSV import: every
 * violation is collected (not only the first) and named by its field.
 */
public final class MemberRules {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    /** Groups of digits, as a bank account is typed: the spaces between them are dropped. */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("[0-9]+( +[0-9]+)*");
    private static final int BANK_ACCOUNT_MIN_DIGITS = 12;
    private static final int BANK_ACCOUNT_MAX_DIGITS = 30;
    private static final BigDecimal MAX_INCOME = new BigDecimal("9999999999.99");

    private final LocalDate today;
    private final ProgrammeYears years;
    private final Predicate<String> isCounty;
    private final List<Violation> violations = new ArrayList<>();

    private MemberRules(LocalDate today, ProgrammeYears years, Predicate<String> isCounty) {
        this.today = today;
        this.years = years;
        this.isCounty = isCounty;
    }

    /**
     * Validates a registration as of {@code today}, whose business dates must fall within the
     * programme's {@code years}; throws {@link InvalidInputException} listing every problem.
     */
    public static MemberDetails registration(MemberInput input, LocalDate today, ProgrammeYears years,
            Predicate<String> isCounty) {
        MemberRules rules = new MemberRules(today, years, isCounty);
        MemberDetails details = rules.checkRegistration(input);
        rules.throwIfViolated();
        return details;
    }

    /**
     * Validates the changeable attributes of an existing member whose ID is {@code nationalId} and
     * whose payee details are {@code currentPayee} (null: none).
     */
    public static MemberProfile profile(MemberInput input, NationalId nationalId, Payee currentPayee, LocalDate today) {
        MemberRules rules = new MemberRules(today, null, code -> true);
        MemberProfile profile = rules.checkProfile(input, nationalId, currentPayee);
        rules.throwIfViolated();
        return profile;
    }

    public static Set<HardshipCause> causes(List<String> names, String field, List<Violation> violations) {
        MemberRules rules = new MemberRules(LocalDate.MAX, null, code -> true);
        Set<HardshipCause> causes = rules.parseCauses(names, field);
        violations.addAll(rules.violations);
        return causes;
    }

    private MemberDetails checkRegistration(MemberInput input) {
        NationalId nationalId = null;
        String idText = trim(input.nationalId());
        if (idText == null) {
            violation("nationalId", "is required");
        } else {
            var problem = NationalId.problemWith(idText, today);
            if (problem.isPresent()) {
                violation("nationalId", problem.get());
            } else {
                nationalId = NationalId.parse(idText);
                if (today.isBefore(nationalId.eighteenthBirthday())) {
                    violation("nationalId", "belongs to someone under 18; members are at least 18");
                }
            }
        }
        String county = trim(input.countyCode());
        if (county == null) {
            violation("countyCode", "is required");
        } else if (!isCounty.test(county)) {
            violation("countyCode", "is not a known county (see GET /api/regions)");
        }
        MemberProfile profile = checkProfile(input, nationalId, null);
        HardshipStatus status = parseEnum(HardshipStatus.class, input.hardshipStatus(), "hardshipStatus",
                HardshipStatus.NOT_IN_DIFFICULTY);
        if (status == HardshipStatus.LIFTED_OUT) {
            violation("hardshipStatus", "LIFTED_OUT is reached by a hardship assessment, not at registration");
        }
        Set<HardshipCause> causes = parseCauses(input.causes(), "causes");
        checkCausesAgree(status, causes, "causes");
        LocalDate registeredOn = checkRegisteredOn(input.registeredOn(), profile.joinedPartyOn());
        return violations.isEmpty() ? new MemberDetails(nationalId, county, profile, status, causes, registeredOn) : null;
    }

    /**
     * The business date the member enters the registry: today unless given (a census of an earlier
     * year, registered now); never in the future, never before the member joined the party, and
     * within the programme's years, since every figure counts the member from that date on.
     */
    private LocalDate checkRegisteredOn(String value, LocalDate joinedPartyOn) {
        if (trim(value) == null) {
            return today;
        }
        LocalDate registeredOn = parseDate(value, "registeredOn");
        if (registeredOn == null) {
            return null;
        }
        if (registeredOn.isAfter(today)) {
            violation("registeredOn", "is in the future");
        } else if (!years.holds(registeredOn)) {
            violation("registeredOn", years.refusal());
        } else if (joinedPartyOn != null && registeredOn.isBefore(joinedPartyOn)) {
            violation("registeredOn", "is before the member joined the party (" + joinedPartyOn + ")");
        }
        return registeredOn;
    }

    private MemberProfile checkProfile(MemberInput input, NationalId nationalId, Payee currentPayee) {
        String name = text(input.name(), "name", 50, true);
        Gender gender = parseEnum(Gender.class, input.gender(), "gender", null);
        if (nationalId != null) {
            if (gender != null && gender != nationalId.gender()) {
                violation("gender", "contradicts the national ID, which says " + nationalId.gender());
            }
            gender = nationalId.gender();
        }
        String ethnicity = text(input.ethnicity(), "ethnicity", 20, false);
        String phone = trim(input.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            violation("phone", "must be a mainland mobile (11 digits) or landline number");
        }
        String township = text(input.township(), "township", 100, false);
        String village = text(input.village(), "village", 100, false);
        String partyBranch = text(input.partyBranch(), "partyBranch", 100, false);
        LocalDate joined = parseDate(input.joinedPartyOn(), "joinedPartyOn");
        if (joined == null && trim(input.joinedPartyOn()) == null) {
            violation("joinedPartyOn", "is required");
        } else if (joined != null) {
            if (joined.isAfter(today)) {
                violation("joinedPartyOn", "is in the future");
            } else if (nationalId != null && joined.isBefore(nationalId.eighteenthBirthday())) {
                violation("joinedPartyOn", "is before the member's 18th birthday (" + nationalId.eighteenthBirthday() + ")");
            }
        }
        Education education = parseEnum(Education.class, input.education(), "education", null);
        LaborCapacity capacity = parseEnum(LaborCapacity.class, input.laborCapacity(), "laborCapacity", null);
        if (capacity == null && trim(input.laborCapacity()) == null) {
            violation("laborCapacity", "is required");
        }
        BigDecimal income = parseAmount(input.annualIncome(), "annualIncome");
        if (income == null) {
            if (trim(input.annualIncome()) == null) {
                violation("annualIncome", "is required");
            }
        } else if (income.signum() < 0) {
            violation("annualIncome", "must not be negative");
        } else if (income.stripTrailingZeros().scale() > 2) {
            violation("annualIncome", "must have at most 2 decimals (yuan and fen)");
        } else if (income.compareTo(MAX_INCOME) > 0) {
            violation("annualIncome", "is implausibly large");
        }
        boolean notable = parseBoolean(input.notableContribution(), "notableContribution");
        Payee payee = checkPayee(input.bankAccount(), input.accountHolder(), currentPayee);
        return new MemberProfile(name, gender, ethnicity, phone, township, village, partyBranch, joined,
                education, capacity, income == null || income.stripTrailingZeros().scale() > 2 ? null : income.setScale(2),
                notable, payee);
    }

    /**
     * The payee details: a bank account and its holder, both or neither (rule payee-incomplete); none
     * when both are left out. The account exactly as answers show it (masked) stands for the member's
     * current account, so a client can send back the member it read without revealing the account.
     * No message repeats the account: it goes nowhere but the registry and relief.
     */
    private Payee checkPayee(String accountValue, String holderValue, Payee current) {
        String holder = text(holderValue, "accountHolder", 100, false);
        String typed = trim(accountValue);
        String account = null;
        if (typed != null && current != null && typed.equals(Payee.masked(current.bankAccount()))) {
            account = current.bankAccount();
        } else if (typed != null) {
            String digits = DIGIT_GROUPS.matcher(typed).matches() ? typed.replace(" ", "") : "";
            if (digits.length() < BANK_ACCOUNT_MIN_DIGITS || digits.length() > BANK_ACCOUNT_MAX_DIGITS) {
                violation("bankAccount", "must be " + BANK_ACCOUNT_MIN_DIGITS + " to " + BANK_ACCOUNT_MAX_DIGITS
                        + " digits (spaces between groups of digits are dropped)");
            } else {
                account = digits;
            }
        }
        if (typed != null && holder == null) {
            violation("accountHolder", "is required with a bankAccount: both or neither (rule " + Payee.INCOMPLETE + ")");
        } else if (typed == null && holder != null) {
            violation("bankAccount", "is required with an accountHolder: both or neither (rule " + Payee.INCOMPLETE + ")");
        }
        return account == null || holder == null ? null : new Payee(account, holder);
    }

    private void checkCausesAgree(HardshipStatus status, Set<HardshipCause> causes, String field) {
        if (status == HardshipStatus.IN_DIFFICULTY && causes.isEmpty()) {
            violation(field, "at least one cause is required for IN_DIFFICULTY");
        } else if (status != HardshipStatus.IN_DIFFICULTY && !causes.isEmpty()) {
            violation(field, "causes are only recorded for IN_DIFFICULTY");
        }
    }

    /** Checks an assessment's status against its causes; returns the violations. */
    public static List<Violation> assessmentViolations(HardshipStatus status, Set<HardshipCause> causes) {
        MemberRules rules = new MemberRules(LocalDate.MAX, null, code -> true);
        rules.checkCausesAgree(status, causes, "causes");
        return rules.violations;
    }

    private Set<HardshipCause> parseCauses(List<String> names, String field) {
        Set<HardshipCause> causes = EnumSet.noneOf(HardshipCause.class);
        if (names == null) {
            return causes;
        }
        for (String name : names) {
            HardshipCause cause = parseEnum(HardshipCause.class, name, field, null);
            if (cause != null && !causes.add(cause)) {
                violation(field, cause + " is listed twice");
            }
        }
        return causes;
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, E absent) {
        String text = trim(value);
        if (text == null) {
            return absent;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violation(field, "must be one of " + EnumSet.allOf(type) + ", not '" + text + "'");
            return null;
        }
    }

    private BigDecimal parseAmount(String value, String field) {
        String text = trim(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            violation(field, "must be a number of yuan, e.g. 3600.00");
            return null;
        }
    }

    private boolean parseBoolean(String value, String field) {
        String text = trim(value);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        violation(field, "must be true or false");
        return false;
    }

    private LocalDate parseDate(String value, String field) {
        String text = trim(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violation(field, "must be a date yyyy-MM-dd");
            return null;
        }
    }

    private String text(String value, String field, int maxLength, boolean required) {
        String text = trim(value);
        if (text == null) {
            if (required) {
                violation(field, "is required");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            violation(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    private void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }

    private void throwIfViolated() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
