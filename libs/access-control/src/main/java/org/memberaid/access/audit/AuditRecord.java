package org.memberaid.access.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the audit log: who ({@code actor} = the token's subject, with the roles and region it
 * carried) did what ({@code action}: the method and route, e.g. {@code POST /api/members/{id}/transfer},
 * or {@code REVEAL nationalId,phone}) to what ({@code target}: the resource's id), when, in which
 * request, and the HTTP status it was answered with ({@code outcome}).
 */
@Schema(name = "AuditRecord")
public record AuditRecord(Instant at, String actor,
        @Schema(description = "The caller's memberaid roles, comma-separated", examples = "registrar") String roles,
        @Schema(nullable = true, examples = "620702") String region,
        @Schema(examples = "POST /api/members/{id}/transfer") String action,
        @Schema(nullable = true, description = "The id of the resource acted on; null when there is none") String target,
        String requestId,
        @Schema(description = "The HTTP status answered", examples = "201") int outcome) {
}
