package org.memberaid.reporting.rest;

/** One county's row in the county report. */
public record CountyReport(String countyCode, long membersTotal) {
}
