package org.memberaid.problems;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request and what is wrong with it. */
@Schema(name = "Violation")
public record Violation(
        @Schema(description = "The field, header or parameter, as named in the request ('body' for the whole body)",
                examples = "nationalId") String field,
        @Schema(examples = "has a wrong check digit") String message) {
}
