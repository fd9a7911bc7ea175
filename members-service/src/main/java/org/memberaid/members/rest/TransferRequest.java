package org.memberaid.members.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.ProgrammeYears;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;

@Schema(name = "TransferRequest")
public record TransferRequest(
        @Schema(required = true, description = "The county the member moves to", examples = "620722") String countyCode,
        @Schema(required = true, examples = "2015-09-01") LocalDate effectiveOn) {

    TransferRequest validated(LocalDate today, ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        if (countyCode == null || countyCode.isBlank()) {
            violations.add(new Violation("countyCode", "is required"));
        }
        EffectiveDates.check("effectiveOn", effectiveOn, today, years, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return this;
    }
}
