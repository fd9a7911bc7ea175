package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A fund's budget at a version; budgets are summed per county and year when read. */
public record FundState(UUID id, String countyCode, int year, String kind, BigDecimal budget, long version) {
}
