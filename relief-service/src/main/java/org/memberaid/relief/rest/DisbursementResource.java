package org.memberaid.relief.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
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
import org.memberaid.access.audit.AuditNote;
import org.memberaid.http.Caching;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Problem;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.Disbursement;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.service.BusinessCalendar;
import org.memberaid.relief.service.DisbursementWriters;
import org.memberaid.relief.service.Disbursements;

@Path("/api/disbursements")
@Tag(name = "Disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisbursementResource {

    /**
     * An approval says nothing but itself: the approver is the caller. The body is optional; one
     * that still names an actor is refused (400) rather than silently ignored.
     */
    @Schema(name = "Approval")
    public record Approval() {
    }

    /** The rejecter is the caller. */
    @Schema(name = "Rejection")
    public record Rejection(@Schema(required = true, maxLength = Texts.REASON) String reason) {
    }

    /** The reverser is the caller. */
    @Schema(name = "Reversal")
    public record Reversal(@Schema(required = true, maxLength = Texts.REASON) String reason) {
    }

    @Inject
    Disbursements disbursements;

    @Inject
    Caller caller;

    @Inject
    AuditNote audit;

    @Inject
    DisbursementWriters writers;

    @Inject
    BusinessCalendar calendar;

    @Inject
    IdempotentAnswers answers;

    @Inject
    RequestFingerprints fingerprints;

    @POST
    @Operation(operationId = "requestDisbursement", summary = "Request a disbursement",
            description = "Requires an Idempotency-Key: the same key and body return the first answer again and create "
                    + "nothing; the same key with another body is 422; while the first is processed, 409. Eligibility "
                    + "failures are 422 naming the rule; a member or fund outside the caller's region is unknown "
                    + "(422 member-unknown, fund-unknown). The requester is the caller; keys are the caller's own. "
                    + "Publishes memberaid.disbursement.requested.v1.")
    @APIResponse(responseCode = "201", description = "Requested, or the first answer to this key replayed",
            headers = { @Header(name = "Location", ref = "Location"),
                @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed") },
            content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The first request with this key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Refused by a rule (named in 'rule')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "ServiceBusy", responseCode = "503")
    @RolesAllowed(Role.CASEWORKER)
    public CompletionStage<Response> request(
            @Parameter(required = true, description = "A client-chosen unique key per intended disbursement (at most "
                    + "200 characters), kept 48 hours; without it 400")
            @HeaderParam(IdempotentAnswers.IDEMPOTENCY_KEY) String idempotencyKey,
            DisbursementBody body, @Context UriInfo uriInfo) {
        // Runs on the event loop (it returns a CompletionStage): checking the body needs no query,
        // and the answer comes when the batch holding the request has committed.
        String key = answers.requireKey(idempotencyKey);
        DisbursementRequest request = RequestBodies.require(body).validated(caller.subject(),
                calendar.programmeYears());
        URI collection = uriInfo.getAbsolutePath();
        return writers.request(key, fingerprints.of(request), request, caller.region(), created -> answers.created(
                DisbursementResponse.of(created), UriBuilder.fromUri(collection).path(created.id.toString()).build()),
                audit.draft(DisbursementWriters.REQUEST_ACTION)).thenApply(answers::toResponse);
    }

    @POST
    @Path("/{id}/approval")
    @Operation(operationId = "approveDisbursement", summary = "Approve a requested disbursement",
            description = "The approver is the caller and must differ from the requester (422 maker-checker). The "
                    + "member must still meet the rules (422 naming the rule). The fund's remaining budget is "
                    + "checked and reduced atomically (409 insufficient-funds with remaining). Publishes "
                    + "memberaid.disbursement.approved.v1.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(responseCode = "409", description = "Not REQUESTED, or not enough left in the fund ('remaining')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The approver requested it, or the member no longer meets a rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "ServiceBusy", responseCode = "503")
    @RolesAllowed(Role.APPROVER)
    public CompletionStage<DisbursementResponse> approve(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Optional; an empty object") Approval approval) {
        // On the event loop, like request
        return writers.approve(id, caller.subject(), caller.region(), audit.draft(DisbursementWriters.APPROVAL_ACTION))
                .thenApply(DisbursementResponse::of);
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(operationId = "rejectDisbursement", summary = "Reject a requested disbursement",
            description = "The rejecter is the caller and must differ from the requester (422 maker-checker). "
                    + "Publishes memberaid.disbursement.rejected.v1.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(responseCode = "409", description = "Not REQUESTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "RuleRefused", responseCode = "422")
    @RolesAllowed(Role.APPROVER)
    public DisbursementResponse reject(@PathParam("id") UUID id, Rejection rejection) {
        Rejection body = RequestBodies.require(rejection);
        return DisbursementResponse.of(disbursements.reject(id, caller.subject(), Texts.reason(body.reason()),
                caller.region()));
    }

    @POST
    @Path("/{id}/reversal")
    @Operation(operationId = "reverseDisbursement", summary = "Reverse an approved disbursement",
            description = "Returns the money to the fund. The reverser is the caller and must differ from the "
                    + "requester (422 maker-checker). Publishes memberaid.disbursement.reversed.v1.")
    @APIResponse(responseCode = "200", description = "Reversed",
            content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(responseCode = "409", description = "Not APPROVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "RuleRefused", responseCode = "422")
    @RolesAllowed(Role.APPROVER)
    public DisbursementResponse reverse(@PathParam("id") UUID id, Reversal reversal) {
        Reversal body = RequestBodies.require(reversal);
        return DisbursementResponse.of(disbursements.reverse(id, caller.subject(), Texts.reason(body.reason()),
                caller.region()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDisbursement", summary = "Read a disbursement",
            description = "Its state, who requested and decided it, and why. Only inside the caller's region.")
    @APIResponse(responseCode = "200", description = "The disbursement", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such disbursement in the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("id") UUID id) {
        Disbursement disbursement = disbursements.get(id, caller.region());
        return Caching.revalidated(Response.ok(DisbursementResponse.of(disbursement)),
                Caching.version(disbursement.version)).build();
    }

    @GET
    @Operation(operationId = "listDisbursements", summary = "List disbursements",
            description = "Only the caller's region. Filters combine; from/to bound disbursedOn (inclusive).")
    @APIResponse(responseCode = "200", description = "A page of disbursements {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<DisbursementResponse> list(@QueryParam("memberId") UUID memberId,
            @QueryParam("countyCode") String countyCode, @QueryParam("kind") DisbursementKind kind,
            @QueryParam("status") DisbursementStatus status, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Disbursements.Page found = disbursements.list(new Disbursements.Criteria(caller.region(), memberId,
                countyCode == null || countyCode.isBlank() ? null : countyCode.strip(), kind, status, from, to), page, size);
        return new PageResponse<>(found.items().stream().map(DisbursementResponse::of).toList(), page, size,
                found.total());
    }
}
