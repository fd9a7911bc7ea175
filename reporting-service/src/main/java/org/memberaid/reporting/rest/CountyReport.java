package org.memberaid.reporting.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.reporting.service.Reports;

/** One county's row in the county report. */
@Schema(name = "CountyReport")
public record CountyReport(String countyCode, String nameZh, String nameEn, long membersTotal,
        long membersInDifficulty, @Schema(description = "in difficulty / total, 4 decimals") BigDecimal povertyRate,
        long membersLiftedOut) {

    static CountyReport of(Reports.CountyRow row) {
        return new CountyReport(row.countyCode(), row.nameZh(), row.nameEn(), row.figures().membersTotal(),
                row.figures().membersInDifficulty(), row.figures().povertyRate(), row.figures().membersLiftedOut());
    }
}
