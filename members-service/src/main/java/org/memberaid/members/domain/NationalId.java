package org.memberaid.members.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character PRC resident identity number (GB 11643-1999): a 6-digit address code, the
 * birth date as yyyyMMdd, a 3-digit serial whose last digit is odd for men and even for women,
 * and a check digit (ISO 7064 MOD 11-2, where 10 is written X).
 */
public record NationalId(String value, LocalDate birthDate, Gender gender) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** Why a text is not a national ID; empty when it is one. */
    public static Optional<String> problemWith(String text, LocalDate today) {
        if (text == null || text.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(text.charAt(i))) {
                return Optional.of("must be 17 digits followed by a digit or X");
            }
        }
        char last = text.charAt(17);
        if (!isDigit(last) && last != 'X') {
            return Optional.of("must be 17 digits followed by a digit or X");
        }
        if (checkCharacter(text) != last) {
            return Optional.of("has a wrong check digit");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("embeds a birth date that does not exist");
        }
        if (birthDate.isAfter(today) || birthDate.getYear() < 1900) {
            return Optional.of("embeds a birth date that is not plausible");
        }
        return Optional.empty();
    }

    /** Parses a text that {@link #problemWith} accepted. */
    public static NationalId parse(String text) {
        LocalDate birthDate = LocalDate.of(Integer.parseInt(text.substring(6, 10)),
                Integer.parseInt(text.substring(10, 12)), Integer.parseInt(text.substring(12, 14)));
        Gender gender = (text.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new NationalId(text, birthDate, gender);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The form shown to anyone not entitled to the whole number: birth date and serial hidden. */
    public static String masked(String value) {
        if (value == null || value.length() != 18) {
            return value;
        }
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    public LocalDate eighteenthBirthday() {
        return birthDate.plusYears(18);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
