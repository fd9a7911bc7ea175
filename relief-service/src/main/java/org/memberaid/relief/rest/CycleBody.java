package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.ProgrammeYears;
import org.memberaid.relief.domain.StartupMechanism;
import org.memberaid.relief.service.Cycles;

@Schema(name = "CycleRequest")
public record CycleBody(
        @Schema(required = true, examples = "620702") String countyCode,
        @Schema(required = true, examples = "2026") Integer year,
        @Schema(required = true) DisbursementKind kind,
        @Schema(required = true, description = "The county's fund of the kind's fund kind for the year") UUID fundId,
        @Schema(required = true, maxLength = Texts.NAME, examples = "2026年度生活补贴") String name,
        @Schema(required = true, ref = "Amount", examples = "1200.00",
                description = "Per member, within the county policy's band for the kind") BigDecimal amount,
        @Schema(examples = "2026-12-20", description = "The date the cycle pays on and its members are decided on: "
                + "in the year, at most memberaid.disbursement.max-days-ahead (31) days after today; today when "
                + "left out (then year must be this year)") LocalDate disbursedOn,
        @Schema(description = "Required for STARTUP_SUPPORT, refused otherwise") StartupMechanism mechanism) {

    /** The cycle {@code creator} (the caller's token subject) drafts, dated {@code today} unless the body dates it. */
    Cycles.Draft validated(String creator, LocalDate today, ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        if (countyCode == null || countyCode.isBlank()) {
            violations.add(new Violation("countyCode", "is required"));
        }
        RequestBodies.required(year, "year", violations);
        RequestBodies.required(kind, "kind", violations);
        RequestBodies.required(fundId, "fundId", violations);
        String theName = Texts.bounded(name, "name", Texts.NAME, true, violations);
        Amounts.checkPositive(amount, "amount", violations);
        LocalDate date = disbursedOn;
        if (year != null) {
            if (date == null && year != today.getYear()) {
                violations.add(new Violation("disbursedOn", "is required when year is not the current year"));
            } else if (date == null) {
                date = today;
            } else if (date.getYear() != year) {
                violations.add(new Violation("disbursedOn", "must lie in year " + year));
            }
            if (date != null && !years.holds(date)) {
                violations.add(new Violation("disbursedOn", years.refusal()));
            }
        }
        if (mechanism != null && kind != null && kind != DisbursementKind.STARTUP_SUPPORT) {
            violations.add(new Violation("mechanism", "is only given for STARTUP_SUPPORT"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // One scale for amounts, so 1200 and 1200.00 are the same request under an Idempotency-Key.
        return new Cycles.Draft(countyCode.strip(), kind, fundId, theName, amount.setScale(2), date, mechanism,
                creator);
    }
}
