package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.util.List;
import org.memberaid.problems.Violation;

/** Money is yuan with at most 2 decimals (fen), never negative, never absurd. */
final class Amounts {

    private static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Amounts() {
    }

    static void checkPositive(BigDecimal amount, String field, List<Violation> violations) {
        if (amount == null) {
            violations.add(new Violation(field, "is required"));
        } else if (amount.signum() <= 0) {
            violations.add(new Violation(field, "must be more than 0"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(field, "must have at most 2 decimals (yuan and fen)"));
        } else if (amount.compareTo(MAX) > 0) {
            violations.add(new Violation(field, "is implausibly large"));
        }
    }
}
