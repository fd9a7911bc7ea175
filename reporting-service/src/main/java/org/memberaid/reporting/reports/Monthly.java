package org.memberaid.reporting.reports;

import java.util.List;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.PeriodFigures;
import org.memberaid.reporting.domain.Region;

/** The twelve months of a region (null for a county missing from the reference data). */
public record Monthly(Region region, List<Month> months) {

    /** One month of a year: the stock at its end and what happened in it. */
    public record Month(int month, CountyFigures monthEnd, PeriodFigures period) {
    }
}
