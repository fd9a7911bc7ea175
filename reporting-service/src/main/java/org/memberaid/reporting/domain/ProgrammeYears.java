package org.memberaid.reporting.domain;

import java.time.LocalDate;

/**
 * The years the programme can hold: from its first year to next year. Every year or business date
 * a request brings must fall within them. The same rule, with the same setting, holds in members-,
 * relief- and reporting-service, so nothing one of them accepts is a year another refuses to hold or
 * report. Next year is included because a county plans next year's funds and payments before the
 * year turns. (A plain rule in each service rather than a shared library: libraries hold no domain
 * code, and each service reads the programme in its own terms.)
 */
public record ProgrammeYears(int first, int last) {

    /** The rule's name, as refusals give it. */
    public static final String RULE = "programme-years";

    /** The programme's years as of {@code today}: {@code firstYear} to next year. */
    public static ProgrammeYears asOf(int firstYear, LocalDate today) {
        return new ProgrammeYears(firstYear, today.getYear() + 1);
    }

    public boolean holds(int year) {
        return year >= first && year <= last;
    }

    public boolean holds(LocalDate date) {
        return holds(date.getYear());
    }

    /** What a refusal says of a year or date outside the programme's years: the rule and the range. */
    public String refusal() {
        return "must fall within the programme's years, " + first + " to " + last + " (rule " + RULE + ")";
    }
}
