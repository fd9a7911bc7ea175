package org.memberaid.relief.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Problem;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.DisbursementKind;
import org.memberaid.relief.domain.DisbursementRequest;
import org.memberaid.relief.domain.DisbursementStatus;
import org.memberaid.relief.service.DisbursementWriters;
import org.memberaid.relief.service.Disbursements;

@Path("/api/disbursements")
@Tag(name = "Disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisbursementResource {

    @Schema(name = "Approval")
    public record Approval(@Schema(required = true, examples = "ganzhou-head-01") String approvedBy) {
    }

    @Schema(name = "Rejection")
    public record Rejection(@Schema(required = true) String rejectedBy, @Schema(required = true) String reason) {
    }

    @Schema(name = "Reversal")
    public record Reversal(@Schema(required = true) String reversedBy, @Schema(required = true) String reason) {
    }

    @Inject
    Disbursements disbursements;

    @Inject
    DisbursementWriters writers;

    @Inject
    IdempotentAnswers answers;

    @Inject
    RequestFingerprints fingerprints;

    @POST
    @Operation(summary = "Request a disbursement",
            description = "Requires an Idempotency-Key: the same key and body return the first answer again and create "
                    + "nothing; the same key with another body is 422; while the first is processed, 409. Eligibility "
                    + "failures are 422 naming the rule. Publishes memberaid.disbursement.requested.v1.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The first request with this key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Refused by a rule (named in 'rule')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> request(
            @Parameter(description = "A client-chosen unique key per intended disbursement, kept 48 hours")
            @HeaderParam(IdempotentAnswers.IDEMPOTENCY_KEY) String idempotencyKey,
            DisbursementBody body, @Context UriInfo uriInfo) {
        // Runs on the event loop (it returns a CompletionStage): checking the body needs no query,
        // and the answer comes when the batch holding the request has committed.
        String key = answers.requireKey(idempotencyKey);
        DisbursementRequest request = FundResource.requireBody(body).validated();
        URI collection = uriInfo.getAbsolutePath();
        return writers.request(key, fingerprints.of(request), request, created -> answers.created(
                DisbursementResponse.of(created), UriBuilder.fromUri(collection).path(created.id.toString()).build()))
                .thenApply(answers::toResponse);
    }

    @POST
    @Path("/{id}/approval")
    @Operation(summary = "Approve a requested disbursement",
            description = "The approver must differ from the requester (422 maker-checker). The fund's remaining "
                    + "budget is checked and reduced atomically (409 insufficient-funds with remaining). "
                    + "Publishes memberaid.disbursement.approved.v1.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "409", description = "Not REQUESTED, or not enough left in the fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The approver requested it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<DisbursementResponse> approve(@PathParam("id") UUID id, Approval approval) {
        // On the event loop, like request
        String approver = required(FundResource.requireBody(approval).approvedBy(), "approvedBy");
        return writers.approve(id, approver).thenApply(DisbursementResponse::of);
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(summary = "Reject a requested disbursement", description = "Publishes memberaid.disbursement.rejected.v1.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "409", description = "Not REQUESTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DisbursementResponse reject(@PathParam("id") UUID id, Rejection rejection) {
        Rejection body = FundResource.requireBody(rejection);
        return DisbursementResponse.of(disbursements.reject(id, required(body.rejectedBy(), "rejectedBy"),
                required(body.reason(), "reason")));
    }

    @POST
    @Path("/{id}/reversal")
    @Operation(summary = "Reverse an approved disbursement",
            description = "Returns the money to the fund. Publishes memberaid.disbursement.reversed.v1.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "409", description = "Not APPROVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DisbursementResponse reverse(@PathParam("id") UUID id, Reversal reversal) {
        Reversal body = FundResource.requireBody(reversal);
        return DisbursementResponse.of(disbursements.reverse(id, required(body.reversedBy(), "reversedBy"),
                required(body.reason(), "reason")));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a disbursement")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such disbursement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DisbursementResponse get(@PathParam("id") UUID id) {
        return DisbursementResponse.of(disbursements.get(id));
    }

    @GET
    @Operation(summary = "List disbursements", description = "Filters combine; from/to bound disbursedOn (inclusive).")
    public PageResponse<DisbursementResponse> list(@QueryParam("memberId") UUID memberId,
            @QueryParam("countyCode") String countyCode, @QueryParam("kind") DisbursementKind kind,
            @QueryParam("status") DisbursementStatus status, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Disbursements.Page found = disbursements.list(new Disbursements.Criteria(memberId,
                countyCode == null || countyCode.isBlank() ? null : countyCode.strip(), kind, status, from, to), page, size);
        return new PageResponse<>(found.items().stream().map(DisbursementResponse::of).toList(), page, size,
                found.total());
    }

    private static String required(String value, String field) {
        List<Violation> violations = new ArrayList<>();
        String text = Texts.bounded(value, field, field.equals("reason") ? 500 : 100, true, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return text;
    }
}
