package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A county's (or region's) stock of members: total active, in difficulty, lifted out. */
public record CountyFigures(long membersTotal, long membersInDifficulty, long membersLiftedOut) {

    public static final CountyFigures ZERO = new CountyFigures(0, 0, 0);

    /** The change of the stock that a period's figures record (the {@code MEMBERS_*} ones). */
    public static CountyFigures changeIn(Map<Figure, BigDecimal> figures) {
        return new CountyFigures(longOf(figures.get(Figure.MEMBERS_TOTAL)),
                longOf(figures.get(Figure.MEMBERS_IN_DIFFICULTY)), longOf(figures.get(Figure.MEMBERS_LIFTED_OUT)));
    }

    private static long longOf(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }

    public CountyFigures plus(CountyFigures other) {
        return new CountyFigures(membersTotal + other.membersTotal, membersInDifficulty + other.membersInDifficulty,
                membersLiftedOut + other.membersLiftedOut);
    }

    public CountyFigures minus(CountyFigures other) {
        return new CountyFigures(membersTotal - other.membersTotal, membersInDifficulty - other.membersInDifficulty,
                membersLiftedOut - other.membersLiftedOut);
    }

    /** In difficulty / total, 4 decimals; recomputed from counts at every level, never averaged. */
    public BigDecimal povertyRate() {
        if (membersTotal == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(membersInDifficulty).divide(BigDecimal.valueOf(membersTotal), 4, RoundingMode.HALF_UP);
    }
}
