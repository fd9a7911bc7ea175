package org.memberaid.deploy.loadgen.members;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** PRC resident identity numbers (GB 11643): address, birth date, serial, check digit. */
public final class NationalIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private NationalIds() {
    }

    /**
     * @param addressCode a 6-digit region code
     * @param serial      0–999; odd for a man, even for a woman
     */
    public static String of(String addressCode, LocalDate birthDate, int serial) {
        String first17 = addressCode + birthDate.format(BIRTH_DATE) + String.format(Locale.ROOT, "%03d", serial);
        return first17 + checkDigit(first17);
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    public static boolean hasValidCheckDigit(String nationalId) {
        return nationalId.matches("\\d{17}[\\dX]") && checkDigit(nationalId) == nationalId.charAt(17);
    }

    public static LocalDate birthDate(String nationalId) {
        return LocalDate.parse(nationalId.substring(6, 14), BIRTH_DATE);
    }

    /** The 17th character, the last of the serial, is odd for men and even for women. */
    public static Gender gender(String nationalId) {
        return (nationalId.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }
}
