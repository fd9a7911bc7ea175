package org.memberaid.members.rest;

import java.time.LocalDate;
import java.util.List;
import org.memberaid.members.domain.ProgrammeYears;
import org.memberaid.problems.Violation;

/**
 * A registry change takes effect on a business date of the programme's years, past or present,
 * never a future one. (That it is not before the member's registration is the member's own rule.)
 */
final class EffectiveDates {

    private EffectiveDates() {
    }

    static void check(String field, LocalDate effectiveOn, LocalDate today, ProgrammeYears years,
            List<Violation> violations) {
        if (effectiveOn == null) {
            violations.add(new Violation(field, "is required"));
        } else if (effectiveOn.isAfter(today)) {
            violations.add(new Violation(field, "is in the future"));
        } else if (!years.holds(effectiveOn)) {
            violations.add(new Violation(field, years.refusal()));
        }
    }
}
