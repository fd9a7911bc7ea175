package org.memberaid.members.rest;

import java.time.LocalDate;
import java.util.List;
import org.memberaid.problems.Violation;

/** A registry change takes effect on a past or present business date, never a future one. */
final class EffectiveDates {

    private EffectiveDates() {
    }

    static void check(LocalDate effectiveOn, LocalDate today, List<Violation> violations) {
        if (effectiveOn == null) {
            violations.add(new Violation("effectiveOn", "is required"));
        } else if (effectiveOn.isAfter(today)) {
            violations.add(new Violation("effectiveOn", "is in the future"));
        }
    }
}
