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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Caller;
import org.memberaid.access.Role;
import org.memberaid.http.Caching;
import org.memberaid.problems.Problem;
import org.memberaid.relief.domain.CycleStatus;
import org.memberaid.relief.service.BusinessCalendar;
import org.memberaid.relief.service.Cycles;

@Path("/api/cycles")
@Tag(name = "Cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleResource {

    /** A rejection, cancellation or removal of an entitlement: the caller decides, the reason says why. */
    @Schema(name = "CycleDecision")
    public record Decision(@Schema(required = true, maxLength = Texts.REASON) String reason) {
    }

    @Schema(name = "Entitlement")
    public record EntitlementResponse(UUID memberId, BigDecimal amount,
            @Schema(description = "Removed entitlements are neither counted nor paid") boolean removed,
            @Schema(nullable = true) String removedBy, @Schema(nullable = true) String removalReason) {
    }

    @Inject
    Cycles cycles;

    @Inject
    Caller caller;

    @Inject
    BusinessCalendar calendar;

    @Inject
    IdempotentAnswers answers;

    @Inject
    RequestFingerprints fingerprints;

    @POST
    @Operation(operationId = "createCycle", summary = "Draft a programme cycle",
            description = "A county's round of one kind of disbursement from one fund, at one amount per member "
                    + "(within the county's band for the kind). Requires an Idempotency-Key, with the same rules "
                    + "as disbursements. The creator is the caller. Publishes memberaid.cycle.created.v1.")
    @APIResponse(responseCode = "201", description = "Drafted, or the first answer to this key replayed",
            headers = { @Header(name = "Location", ref = "Location"),
                @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed") },
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The first request with this key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "RuleRefused", responseCode = "422")
    @RolesAllowed(Role.CASEWORKER)
    public Response create(@Parameter(required = true, description = "A client-chosen unique key per cycle (at most "
            + "200 characters), kept 48 hours; without it 400")
            @HeaderParam(IdempotentAnswers.IDEMPOTENCY_KEY) String idempotencyKey, CycleBody body,
            @Context UriInfo uriInfo) {
        String key = answers.requireKey(idempotencyKey);
        Cycles.Draft draft = RequestBodies.require(body).validated(caller.subject(), calendar.today(),
                calendar.programmeYears());
        return answers.toResponse(cycles.create(key, fingerprints.of(draft), draft, caller.region(),
                created -> answers.created(CycleResponse.of(created),
                        uriInfo.getAbsolutePathBuilder().path(created.id.toString()).build())));
    }

    @POST
    @Path("/{id}/evaluation")
    @Operation(operationId = "evaluateCycle", summary = "Decide the county's members for a DRAFT cycle",
            description = "Every member of the county is decided on the cycle's date by the rules of a single "
                    + "request; those admitted become its entitlements (replacing an earlier evaluation's; removed "
                    + "ones stay removed), the others are counted per rule in 'excluded', as are members who "
                    + "already have the kind that year. Publishes memberaid.cycle.evaluated.v1.")
    @APIResponse(responseCode = "200", description = "Evaluated",
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "CycleNotDraft", responseCode = "409")
    @RolesAllowed(Role.CASEWORKER)
    public CycleResponse evaluate(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Optional; an empty object") DisbursementResource.Approval body) {
        return CycleResponse.of(cycles.evaluate(id, caller.subject(), caller.region()));
    }

    @GET
    @Path("/{id}/entitlements")
    @Operation(operationId = "listCycleEntitlements", summary = "List a cycle's entitlements",
            description = "Standing and removed, in member id order.")
    @APIResponse(responseCode = "200", description = "A page of entitlements {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<EntitlementResponse> entitlements(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Cycles.EntitlementPage found = cycles.entitlements(id, caller.region(), page, size);
        return new PageResponse<>(found.items().stream().map(e -> new EntitlementResponse(e.memberId(), e.amount(),
                e.removedBy() != null, e.removedBy(), e.removalReason())).toList(), page, size, found.total());
    }

    @POST
    @Path("/{id}/entitlements/{memberId}/removal")
    @Operation(operationId = "removeCycleEntitlement", summary = "Remove one member's entitlement from a DRAFT cycle",
            description = "With the reason; the member stays out when the cycle is evaluated again. Publishes "
                    + "memberaid.cycle.entitlement-removed.v1.")
    @APIResponse(responseCode = "200", description = "Removed; the cycle as it is now",
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "CycleNotDraft", responseCode = "409")
    @RolesAllowed(Role.CASEWORKER)
    public CycleResponse removeEntitlement(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            Decision decision) {
        String reason = Texts.reason(RequestBodies.require(decision).reason());
        return CycleResponse.of(cycles.removeEntitlement(id, memberId, caller.subject(), reason, caller.region()));
    }

    @POST
    @Path("/{id}/approval")
    @Operation(operationId = "approveCycle", summary = "Approve an evaluated DRAFT cycle",
            description = "The approver is the caller and must differ from the creator (422 maker-checker). In one "
                    + "transaction: every entitlement is decided again as of now (409 cycle-stale when any no "
                    + "longer qualifies: evaluate again), the fund is charged the total (409 insufficient-funds "
                    + "with 'remaining' and 'shortfall'), and every entitlement becomes an APPROVED disbursement "
                    + "naming the cycle; or nothing changes. An APPROVED cycle answers as it is (a retried "
                    + "approval charges nothing). Publishes memberaid.disbursement.approved.v1 per entitlement "
                    + "and memberaid.cycle.approved.v1.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(responseCode = "409", description = "REJECTED or CANCELLED, not evaluated, stale, or not enough "
            + "left in the fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "RuleRefused", responseCode = "422")
    @RolesAllowed(Role.APPROVER)
    public CycleResponse approve(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Optional; an empty object") DisbursementResource.Approval approval) {
        return CycleResponse.of(cycles.approve(id, caller.subject(), caller.region()));
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(operationId = "rejectCycle", summary = "Reject a DRAFT cycle",
            description = "The rejecter is the caller and must differ from the creator (422 maker-checker). "
                    + "Publishes memberaid.cycle.rejected.v1.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "CycleNotDraft", responseCode = "409")
    @APIResponse(ref = "RuleRefused", responseCode = "422")
    @RolesAllowed(Role.APPROVER)
    public CycleResponse reject(@PathParam("id") UUID id, Decision decision) {
        String reason = Texts.reason(RequestBodies.require(decision).reason());
        return CycleResponse.of(cycles.reject(id, caller.subject(), reason, caller.region()));
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(operationId = "cancelCycle", summary = "Cancel a DRAFT cycle",
            description = "Withdraws a draft (its creator or another caseworker). Publishes memberaid.cycle.cancelled.v1.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "CycleNotDraft", responseCode = "409")
    @RolesAllowed(Role.CASEWORKER)
    public CycleResponse cancel(@PathParam("id") UUID id, Decision decision) {
        String reason = Texts.reason(RequestBodies.require(decision).reason());
        return CycleResponse.of(cycles.cancel(id, caller.subject(), reason, caller.region()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCycle", summary = "Read a cycle", description = "Only inside the caller's region.")
    @APIResponse(responseCode = "200", description = "The cycle",
            content = @Content(schema = @Schema(implementation = CycleResponse.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("id") UUID id) {
        var cycle = cycles.get(id, caller.region());
        return Caching.revalidated(Response.ok(CycleResponse.of(cycle)), Caching.version(cycle.version)).build();
    }

    @GET
    @Operation(operationId = "listCycles", summary = "List cycles", description = "Only the caller's region; newest first.")
    @APIResponse(responseCode = "200", description = "A page of cycles {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<CycleResponse> list(@QueryParam("countyCode") String countyCode,
            @QueryParam("year") Integer year, @QueryParam("status") CycleStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Cycles.Page found = cycles.list(caller.region(), countyCode == null || countyCode.isBlank() ? null
                : countyCode.strip(), year, status, page, size);
        return new PageResponse<>(found.items().stream().map(CycleResponse::of).toList(), page, size, found.total());
    }
}
