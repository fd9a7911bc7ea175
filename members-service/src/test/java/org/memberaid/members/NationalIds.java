package org.memberaid.members;

import java.util.concurrent.atomic.AtomicInteger;

/** Makes valid national IDs (GB 11643 check digit) that no other test of the run uses. */
public final class NationalIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private NationalIds() {
    }

    /** A Ganzhou-district ID of someone born on 1 January 1970, with a serial unique to this run. */
    public static String next() {
        return withCheckDigit("62070219700101" + String.format("%03d", SERIAL.getAndIncrement()));
    }

    public static String withCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_DIGITS.charAt(sum % 11);
    }
}
