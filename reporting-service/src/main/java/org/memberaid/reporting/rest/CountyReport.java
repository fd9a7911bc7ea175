package org.memberaid.reporting.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.reporting.domain.PeriodFigures;
import org.memberaid.reporting.reports.CountyRow;

/** One county's row: its current stock and its figures for the year asked (flat, for BI tools). */
@Schema(name = "CountyReport")
public record CountyReport(
        String countyCode,
        @Schema(nullable = true, description = "null for a county code not in the reference data") String nameZh,
        @Schema(nullable = true) String nameEn,
        int year,
        @Schema(description = "active members now") long membersTotal,
        long membersInDifficulty,
        @Schema(description = "in difficulty / total, 4 decimals") BigDecimal povertyRate,
        long membersLiftedOut,
        @JsonUnwrapped PeriodFigures figures) {

    static CountyReport of(CountyRow row, int year) {
        return new CountyReport(row.countyCode(), row.nameZh(), row.nameEn(), year, row.stock().membersTotal(),
                row.stock().membersInDifficulty(), row.stock().povertyRate(), row.stock().membersLiftedOut(),
                row.period());
    }
}
