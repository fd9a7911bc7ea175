package org.memberaid.members.service;

import java.util.List;
import org.memberaid.problems.Violation;

/** The answer to a CSV import: how many rows came, how many members were registered, and why the rest were not. */
public record ImportReport(boolean dryRun, int received, int imported, List<RejectedRow> rejected) {

    /** A row that was not imported; the national ID is masked as everywhere else. */
    public record RejectedRow(long line, String nationalId, List<Violation> violations) {
    }
}
