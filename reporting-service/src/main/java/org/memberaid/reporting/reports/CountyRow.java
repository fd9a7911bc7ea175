package org.memberaid.reporting.reports;

import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.PeriodFigures;

/**
 * A county's stock at the end of a year and its figures for that year; without names for a county
 * missing from the reference data.
 */
public record CountyRow(String countyCode, String nameZh, String nameEn, CountyFigures stock, PeriodFigures period) {
}
