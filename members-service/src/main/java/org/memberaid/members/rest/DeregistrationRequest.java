package org.memberaid.members.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.DeregistrationReason;
import org.memberaid.members.domain.ProgrammeYears;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;

@Schema(name = "DeregistrationRequest")
public record DeregistrationRequest(
        @Schema(required = true) DeregistrationReason reason,
        @Schema(required = true, examples = "2015-11-20") LocalDate effectiveOn) {

    DeregistrationRequest validated(LocalDate today, ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        if (reason == null) {
            violations.add(new Violation("reason", "is required"));
        }
        EffectiveDates.check("effectiveOn", effectiveOn, today, years, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return this;
    }
}
