package org.memberaid.relief.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Caller;
import org.memberaid.access.Role;
import org.memberaid.http.Caching;
import org.memberaid.problems.Problem;
import org.memberaid.relief.domain.AssistanceKind;
import org.memberaid.relief.domain.AssistanceRecord;
import org.memberaid.relief.domain.HelperType;
import org.memberaid.relief.service.AssistanceRecords;
import org.memberaid.relief.service.BusinessCalendar;

@Path("/api/assistance")
@Tag(name = "Assistance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssistanceResource {

    @Schema(name = "AssistanceRecord")
    public record AssistanceResponse(UUID id, UUID memberId, String countyCode,
            @Schema(implementation = AssistanceKind.class) String kind, LocalDate providedOn,
            @Schema(description = "Empty unless SKILLS_TRAINING") List<String> skills,
            @Schema(nullable = true) String employer, @Schema(nullable = true) String projectName,
            @Schema(nullable = true) String helperId, @Schema(nullable = true) String helperName,
            @Schema(implementation = HelperType.class, nullable = true) String helperType,
            @Schema(nullable = true) String note, @Schema(description = "The recorder's subject (sub)") String recordedBy,
            Instant createdAt) {

        static AssistanceResponse of(AssistanceRecord r) {
            return new AssistanceResponse(r.id, r.memberId, r.countyCode, r.kind.name(), r.providedOn,
                    r.skills == null ? List.of() : List.of(r.skills.split(";")), r.employer, r.projectName,
                    r.helperId, r.helperName, r.helperType == null ? null : r.helperType.name(), r.note, r.recordedBy,
                    r.createdAt);
        }
    }

    /** Records are never changed: every one is at its first and only version. */
    private static final EntityTag RECORD_TAG = Caching.version(1);

    @Inject
    AssistanceRecords records;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Caller caller;

    @Inject
    RequestFingerprints fingerprints;

    @Inject
    IdempotentAnswers answers;

    @POST
    @Operation(operationId = "recordAssistance", summary = "Record assistance given to a member (no money)",
            description = "Requires an Idempotency-Key, with the same rules as disbursements. The recorder is the "
                    + "caller; a member outside the caller's region is unknown (422 member-unknown). Publishes "
                    + "memberaid.assistance.recorded.v1.")
    @APIResponse(responseCode = "201", description = "Recorded, or the first answer to this key replayed",
            headers = { @Header(name = "Location", ref = "Location"),
                @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed") },
            content = @Content(schema = @Schema(implementation = AssistanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, a detail the kind needs is missing, or no key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The first request with this key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or inactive member, or the key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.CASEWORKER)
    public Response record(@Parameter(required = true, description = "A client-chosen unique key per record (at most "
            + "200 characters), kept 48 hours; without it 400")
            @HeaderParam(IdempotentAnswers.IDEMPOTENCY_KEY) String idempotencyKey, AssistanceBody body,
            @Context UriInfo uriInfo) {
        String key = answers.requireKey(idempotencyKey);
        AssistanceRecord record = RequestBodies.require(body).validated(caller.subject(), calendar.today(),
                calendar.programmeYears());
        return answers.toResponse(records.record(key, fingerprints.of(body), record, caller.region(),
                created -> answers.created(AssistanceResponse.of(created),
                        uriInfo.getAbsolutePathBuilder().path(created.id.toString()).build())));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAssistance", summary = "Read an assistance record",
            description = "A record never changes once made: its ETag is always \"1\".")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssistanceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such record in the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("id") UUID id) {
        return Caching.revalidated(Response.ok(AssistanceResponse.of(records.get(id, caller.region()))), RECORD_TAG)
                .build();
    }

    @GET
    @Operation(operationId = "listAssistance", summary = "List assistance records", description = "Only the caller's region.")
    @APIResponse(responseCode = "200", description = "A page of assistance records {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<AssistanceResponse> list(@QueryParam("memberId") UUID memberId,
            @QueryParam("countyCode") String countyCode, @QueryParam("kind") AssistanceKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AssistanceRecords.Page found = records.list(caller.region(), memberId,
                countyCode == null || countyCode.isBlank() ? null : countyCode.strip(), kind, page, size);
        return new PageResponse<>(found.items().stream().map(AssistanceResponse::of).toList(), page, size,
                found.total());
    }
}
