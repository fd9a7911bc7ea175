package org.memberaid.reporting.reports;

import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.PeriodFigures;
import org.memberaid.reporting.domain.Region;

/** A region's roll-up over the {@code counties} below it. */
public record RegionRow(Region region, int counties, CountyFigures stock, PeriodFigures period) {
}
