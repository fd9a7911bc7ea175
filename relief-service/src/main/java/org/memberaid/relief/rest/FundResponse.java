package org.memberaid.relief.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.FundKind;

@Schema(name = "Fund")
public record FundResponse(UUID id, String countyCode, int year, @Schema(implementation = FundKind.class) String kind,
        BigDecimal budget, BigDecimal approved, @Schema(description = "budget - approved") BigDecimal remaining,
        long version, Instant createdAt, Instant updatedAt) {

    static FundResponse of(Fund fund) {
        return new FundResponse(fund.id, fund.countyCode, fund.year, fund.kind.name(), fund.budget, fund.approved,
                fund.remaining(), fund.version, fund.createdAt, fund.updatedAt);
    }
}
