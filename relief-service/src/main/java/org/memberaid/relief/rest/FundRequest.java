package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.FundKind;
import org.memberaid.relief.domain.ProgrammeYears;

@Schema(name = "FundAllocation")
public record FundRequest(
        @Schema(required = true, examples = "620702") String countyCode,
        @Schema(required = true, examples = "2015",
                description = "A year of the programme: from memberaid.programme.first-year (2000) to next year")
        Integer year,
        @Schema(required = true) FundKind kind,
        @Schema(required = true, ref = "Amount", description = "Yuan, at most 2 decimals; SPECIAL_RELIEF at least the county's floor",
                examples = "500000.00") BigDecimal budget) {

    FundRequest validated(ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        if (countyCode == null || countyCode.isBlank()) {
            violations.add(new Violation("countyCode", "is required"));
        }
        if (year == null) {
            violations.add(new Violation("year", "is required"));
        } else if (!years.holds(year)) {
            violations.add(new Violation("year", years.refusal()));
        }
        if (kind == null) {
            violations.add(new Violation("kind", "is required"));
        }
        Amounts.checkPositive(budget, "budget", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new FundRequest(countyCode.strip(), year, kind, budget);
    }
}
