package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.domain.StartupMechanism;

@Schema(name = "Disbursement")
public record DisbursementResponse(UUID id, UUID memberId, UUID fundId, String countyCode,
        @Schema(implementation = DisbursementKind.class) String kind, BigDecimal amount, LocalDate disbursedOn,
        @Schema(implementation = StartupMechanism.class, nullable = true) String mechanism,
        @Schema(nullable = true) String projectName, @Schema(nullable = true) String reason,
        @Schema(description = "The requester's subject (sub)") String requestedBy,
        @Schema(implementation = DisbursementStatus.class) String status,
        @Schema(nullable = true, description = "Who approved or rejected it (sub)") String decidedBy,
        @Schema(nullable = true) String decisionReason, @Schema(nullable = true) String reversedBy,
        @Schema(nullable = true) String reversalReason, long version, Instant createdAt, Instant updatedAt,
        @Schema(nullable = true, description = "The programme cycle whose approval made it; null for a single request")
        UUID cycleId,
        @Schema(nullable = true, description = "The live payment batch paying it (null until batched, and again if "
                + "its batch is cancelled)") UUID paymentBatchId) {

    static DisbursementResponse of(Disbursement d) {
        return new DisbursementResponse(d.id, d.memberId, d.fundId, d.countyCode, d.kind.name(), d.amount,
                d.disbursedOn, d.mechanism == null ? null : d.mechanism.name(), d.projectName, d.reason,
                d.requestedBy, d.status.name(), d.decidedBy, d.decisionReason, d.reversedBy, d.reversalReason,
                d.version, d.createdAt, d.updatedAt, d.cycleId, d.paymentBatchId);
    }
}
