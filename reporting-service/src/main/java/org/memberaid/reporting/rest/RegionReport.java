package org.memberaid.reporting.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.reporting.service.Reports;

/** A region's figures summed over its counties; the poverty rate is recomputed from the sums. */
@Schema(name = "RegionReport")
public record RegionReport(String regionCode, String nameZh, String nameEn, String level, int counties,
        long membersTotal, long membersInDifficulty, BigDecimal povertyRate, long membersLiftedOut) {

    static RegionReport of(Reports.RegionRow row) {
        return new RegionReport(row.code(), row.nameZh(), row.nameEn(), row.level(), row.counties(),
                row.figures().membersTotal(), row.figures().membersInDifficulty(), row.figures().povertyRate(),
                row.figures().membersLiftedOut());
    }
}
