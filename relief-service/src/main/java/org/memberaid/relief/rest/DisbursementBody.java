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
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.ProgrammeYears;
import org.memberaid.relief.domain.StartupMechanism;

@Schema(name = "DisbursementRequest")
public record DisbursementBody(
        @Schema(required = true) UUID memberId,
        @Schema(required = true) UUID fundId,
        @Schema(required = true) DisbursementKind kind,
        @Schema(required = true, ref = "Amount", examples = "3000.00") BigDecimal amount,
        @Schema(required = true, examples = "2015-10-20", description = "In the fund's year, and at most "
                + "memberaid.disbursement.max-days-ahead (31) days after today") LocalDate disbursedOn,
        @Schema(description = "Required for STARTUP_SUPPORT, refused otherwise") StartupMechanism mechanism,
        @Schema(maxLength = Texts.NAME, examples = "裕固族刺绣") String projectName,
        @Schema(maxLength = Texts.REASON, examples = "骨癌治疗") String reason) {

    /**
     * The request {@code requester} (the caller's token subject, never the body) makes, dated within
     * the programme's {@code years}.
     */
    DisbursementRequest validated(String requester, ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        RequestBodies.required(memberId, "memberId", violations);
        RequestBodies.required(fundId, "fundId", violations);
        RequestBodies.required(kind, "kind", violations);
        Amounts.checkPositive(amount, "amount", violations);
        RequestBodies.required(disbursedOn, "disbursedOn", violations);
        if (disbursedOn != null && !years.holds(disbursedOn)) {
            violations.add(new Violation("disbursedOn", years.refusal()));
        }
        if (mechanism != null && kind != null && kind != DisbursementKind.STARTUP_SUPPORT) {
            violations.add(new Violation("mechanism", "is only given for STARTUP_SUPPORT"));
        }
        String project = Texts.bounded(projectName, "projectName", Texts.NAME, false, violations);
        String why = Texts.bounded(reason, "reason", Texts.REASON, false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // One scale for amounts, so 3000 and 3000.00 are the same request under an Idempotency-Key.
        return new DisbursementRequest(memberId, fundId, kind, amount.setScale(2), disbursedOn, mechanism, project, why,
                requester);
    }
}
