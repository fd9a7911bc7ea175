package org.memberaid.access.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Caller;
import org.memberaid.access.Role;
import org.memberaid.problems.InvalidInputException;

@Path("/api/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUDITOR })
public class AuditResource {

    /** A page of audit lines, newest first. */
    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditRecord> items, int page, int size, long total) {
    }

    @Inject
    AuditLog log;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "searchAuditLog", summary = "Read this service's audit log",
            description = "Every write answered by the service (also refusals) and every reveal of personal data: "
                    + "actor (the token's subject), roles, region, action, target, time, request id, outcome (HTTP "
                    + "status). Only lines of actors inside the caller's region. Newest first. For admin and auditor.")
    public AuditPage search(@Parameter(description = "The actor's subject (sub)") @QueryParam("actor") String actor,
            @Parameter(description = "The id of the resource acted on") @QueryParam("target") String target,
            @Parameter(description = "The start of the action, e.g. 'POST /api/members' or 'REVEAL'")
            @QueryParam("action") String action,
            @Parameter(description = "Inclusive, ISO-8601 instant", schema = @Schema(format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Exclusive, ISO-8601 instant", schema = @Schema(format = "date-time"))
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AuditLog.Query query = new AuditLog.Query(blankToNull(actor), blankToNull(target), blankToNull(action),
                instant(from, "from"), instant(to, "to"));
        AuditLog.Page found = log.search(query, caller.region(), page, size);
        return new AuditPage(found.items(), page, size, found.total());
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant, e.g. 2026-11-30T08:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
