package org.memberaid.reporting.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.reporting.domain.PeriodFigures;

/** The JSON answers of the report endpoints; each says how fresh it is. */
public final class ReportViews {

    private static final String AS_OF = "time of the newest event applied; null before the first";

    private ReportViews() {
    }

    @Schema(name = "CountyPage", description = "One page of the county report, by county code")
    public record CountyPage(
            @Schema(nullable = true, description = "time of the newest event applied; null before the first")
            Instant asOf, int year, int page,
            int size, int total, List<CountyReport> items) {
    }

    @Schema(name = "CountyAnswer")
    public record CountyAnswer(@Schema(nullable = true, description = AS_OF) Instant asOf,
            @JsonUnwrapped CountyReport county) {
    }

    @Schema(name = "RegionReport", description = "A region's figures over its counties: counts and money summed, "
            + "distinct counts recounted over the region, ratios recomputed from the sums")
    public record RegionReport(@Schema(nullable = true, description = AS_OF) Instant asOf, String regionCode,
            String nameZh, String nameEn, @Schema(enumeration = { "PROVINCE", "CITY", "COUNTY" }) String level,
            @Schema(description = "counties in the region") int counties,
            int year, long membersTotal, long membersInDifficulty, BigDecimal povertyRate, long membersLiftedOut,
            @JsonUnwrapped PeriodFigures figures) {
    }

    @Schema(name = "MonthReport", description = "A month: the stock at its end and what happened in it; "
            + "fundsBudgeted is the year's budget, so fundUtilisation is the share of it the month used")
    public record MonthReport(int month, LocalDate monthEnd, long membersTotal, long membersInDifficulty,
            BigDecimal povertyRate, long membersLiftedOut, @JsonUnwrapped PeriodFigures figures) {
    }

    @Schema(name = "MonthlyReport")
    public record MonthlyReport(@Schema(nullable = true, description = AS_OF) Instant asOf, String regionCode,
            @Schema(nullable = true, description = "null for a code not in the reference data") String nameZh,
            @Schema(nullable = true) String nameEn, int year,
            List<MonthReport> months) {
    }
}
