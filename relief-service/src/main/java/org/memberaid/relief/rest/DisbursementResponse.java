package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.relief.domain.Disbursement;

@Schema(name = "Disbursement")
public record DisbursementResponse(UUID id, UUID memberId, UUID fundId, String countyCode, String kind,
        BigDecimal amount, LocalDate disbursedOn, String mechanism, String projectName, String reason,
        String requestedBy, String status, String decidedBy, String decisionReason, String reversedBy,
        String reversalReason, long version, Instant createdAt, Instant updatedAt) {

    static DisbursementResponse of(Disbursement d) {
        return new DisbursementResponse(d.id, d.memberId, d.fundId, d.countyCode, d.kind.name(), d.amount,
                d.disbursedOn, d.mechanism == null ? null : d.mechanism.name(), d.projectName, d.reason,
                d.requestedBy, d.status.name(), d.decidedBy, d.decisionReason, d.reversedBy, d.reversalReason,
                d.version, d.createdAt, d.updatedAt);
    }
}
