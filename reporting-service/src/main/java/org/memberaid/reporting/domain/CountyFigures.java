package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A county's (or region's) stock of members: total active, in difficulty, lifted out. */
public record CountyFigures(long membersTotal, long membersInDifficulty, long membersLiftedOut) {

    public static final CountyFigures ZERO = new CountyFigures(0, 0, 0);

    public CountyFigures plus(CountyFigures other) {
        return new CountyFigures(membersTotal + other.membersTotal, membersInDifficulty + other.membersInDifficulty,
                membersLiftedOut + other.membersLiftedOut);
    }

    public CountyFigures minus(CountyFigures other) {
        return new CountyFigures(membersTotal - other.membersTotal, membersInDifficulty - other.membersInDifficulty,
                membersLiftedOut - other.membersLiftedOut);
    }

    public boolean isZero() {
        return membersTotal == 0 && membersInDifficulty == 0 && membersLiftedOut == 0;
    }

    /** In difficulty / total, 4 decimals; recomputed from counts at every level, never averaged. */
    public BigDecimal povertyRate() {
        if (membersTotal == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(membersInDifficulty).divide(BigDecimal.valueOf(membersTotal), 4, RoundingMode.HALF_UP);
    }
}
