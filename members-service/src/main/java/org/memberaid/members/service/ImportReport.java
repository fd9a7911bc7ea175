package org.memberaid.members.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.problems.Violation;

/** The answer to a CSV import: how many rows came, how many members were registered, and why the rest were not. */
@Schema(name = "ImportReport")
public record ImportReport(boolean dryRun, int received, int imported, List<RejectedRow> rejected) {

    /** A row that was not imported; the national ID is masked as everywhere else. */
    @Schema(name = "RejectedRow")
    public record RejectedRow(@Schema(description = "The line in the file (the header is line 1)") long line,
            @Schema(nullable = true, description = "Masked; null when the row has none") String nationalId,
            List<Violation> violations) {
    }
}
