package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.relief.domain.Cycle;
import org.memberaid.relief.domain.CycleStatus;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.StartupMechanism;

@Schema(name = "Cycle")
public record CycleResponse(UUID id, String countyCode, int year,
        @Schema(implementation = DisbursementKind.class) String kind, UUID fundId, String name,
        @Schema(description = "Per member") BigDecimal amount, LocalDate disbursedOn,
        @Schema(implementation = StartupMechanism.class, nullable = true) String mechanism,
        @Schema(implementation = CycleStatus.class) String status,
        @Schema(nullable = true, description = "When it was last evaluated; null before its first evaluation")
        Instant evaluatedAt,
        @Schema(description = "Members entitled (removed entitlements not counted)") int entitlements,
        @Schema(description = "amount × entitlements: what the approval charges the fund") BigDecimal total,
        @Schema(description = "Members of the county the last evaluation left out, per rule")
        Map<String, Integer> excluded,
        @Schema(description = "The creator's subject (sub)") String createdBy,
        @Schema(nullable = true, description = "Who approved, rejected or cancelled it (sub)") String decidedBy,
        @Schema(nullable = true) String decisionReason, long version, Instant createdAt, Instant updatedAt) {

    static CycleResponse of(Cycle c) {
        return new CycleResponse(c.id, c.countyCode, c.year, c.kind.name(), c.fundId, c.name, c.amount, c.disbursedOn,
                c.mechanism == null ? null : c.mechanism.name(), c.status.name(), c.evaluatedAt, c.entitled, c.total,
                c.excluded, c.createdBy, c.decidedBy, c.decisionReason, c.version, c.createdAt, c.updatedAt);
    }
}
