package org.memberaid.reporting.events;

import java.math.BigDecimal;
import java.util.UUID;
import org.memberaid.reporting.domain.FundState;

/** A fund as it is after its allocation or a change of its budget; {@code sequence} is its version. */
public record FundChanged(EventType type, UUID fundId, String countyCode, int year, String kind, BigDecimal budget,
        long sequence) implements ReportingEvent {

    public FundState state() {
        return new FundState(fundId, countyCode, year, kind, budget, sequence);
    }
}
