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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
import org.memberaid.relief.domain.BankFile;
import org.memberaid.relief.domain.PaymentBatchStatus;
import org.memberaid.relief.domain.Reconciliation;
import org.memberaid.relief.service.PaymentBatches;

@Path("/api/payment-batches")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentBatchResource {

    static final String CSV = "text/csv";

    @Schema(name = "PaymentBatchRequest")
    public record CreateBody(@Schema(required = true, examples = "620702") String countyCode) {
    }

    @Schema(name = "PaymentBatchCancellation")
    public record Cancellation(@Schema(required = true, maxLength = Texts.REASON) String reason) {
    }

    @Schema(name = "PaymentLine")
    public record LineResponse(int line, @Schema(description = "The disbursement it pays") UUID disbursementId,
            String payeeName, @Schema(description = "Masked: the first four and the last four digits")
            String bankAccount, BigDecimal amount, String purpose,
            @Schema(nullable = true, enumeration = { "PAID", "FAILED" }) String outcome,
            @Schema(nullable = true) String bankReference, @Schema(nullable = true) LocalDate settledOn,
            @Schema(nullable = true) String failureReason) {
    }

    @Schema(name = "ReconciliationResult")
    public record ReconciliationResponse(PaymentBatchResponse batch,
            @Schema(description = "Rows that made their disbursement PAID") int paid,
            @Schema(description = "Rows that made their disbursement PAYMENT_FAILED") int failed,
            @Schema(description = "Rows that repeated an outcome recorded before: nothing changed") int unchanged) {
    }

    /** The most bad rows a refusal lists; the count names them all. */
    static final int LISTED_BAD_LINES = 1000;

    @Inject
    PaymentBatches batches;

    @Inject
    Caller caller;

    @Inject
    IdempotentAnswers answers;

    @Inject
    RequestFingerprints fingerprints;

    @Inject
    AuditNote audit;

    @POST
    @Operation(operationId = "createPaymentBatch", summary = "Batch a county's approved, unpaid disbursements",
            description = "Every APPROVED disbursement of the county that no live batch holds and whose member has "
                    + "payee details becomes a line of one DRAFT batch, with the payee details as they are now. "
                    + "Requires an Idempotency-Key, with the same rules as disbursements. Publishes "
                    + "memberaid.payment-batch.created.v1.")
    @APIResponse(responseCode = "201", description = "Created, or the first answer to this key replayed",
            headers = { @Header(name = "Location", ref = "Location"),
                @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed") },
            content = @Content(schema = @Schema(implementation = PaymentBatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The first request with this key is still being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "nothing-to-pay: no approved, unpaid disbursement of the county "
            + "has payee details; county-outside-region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.CASEWORKER)
    public Response create(@Parameter(required = true, description = "A client-chosen unique key per batch (at most "
            + "200 characters), kept 48 hours; without it 400")
            @HeaderParam(IdempotentAnswers.IDEMPOTENCY_KEY) String idempotencyKey, CreateBody body,
            @Context UriInfo uriInfo) {
        String key = answers.requireKey(idempotencyKey);
        String countyCode = RequestBodies.require(body).countyCode();
        if (countyCode == null || countyCode.isBlank()) {
            throw new InvalidInputException("countyCode", "is required");
        }
        String county = countyCode.strip();
        return answers.toResponse(batches.create(key, fingerprints.of(county), county, caller.subject(),
                caller.region(), created -> answers.created(PaymentBatchResponse.of(created),
                        uriInfo.getAbsolutePathBuilder().path(created.batch().id.toString()).build())));
    }

    @GET
    @Path("/{id}/file")
    @Produces(CSV)
    @Operation(operationId = "downloadPaymentFile", summary = "Download a batch's bank instruction file",
            description = "UTF-8 RFC 4180 CSV with CRLF line ends: the header "
                    + "line,payee_name,account,amount,purpose,reference, a row per line, and the checksum row "
                    + "CHECKSUM,<lines>,<total>,<SHA-256 of every byte before it>. Accounts are whole: every "
                    + "download is written to the audit log. The first makes a DRAFT batch EXPORTED (publishes "
                    + "memberaid.payment-batch.exported.v1); every download answers the same bytes.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=payment-batch-<id>.csv",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(
                    name = "one line", value = "line,payee_name,account,amount,purpose,reference\r\n"
                            + "1,安秀兰,6222020200112233445,1200.00,LIVING_SUBSIDY 2026,0191f3d2-7c1a-7b3e-9a55-2f0c1d2e3f40\r\n"
                            + "CHECKSUM,1,1200.00,3c8d7f4e0b1a9e5f6d2c7b8a9e0f1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6\r\n")))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "BatchTransition", responseCode = "409")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.AUDITOR })
    public Response file(@PathParam("id") UUID id) {
        PaymentBatches.File file = batches.file(id, caller.subject(), caller.region());
        audit.reveal("bankAccount", "payment-batch/" + id);
        return Response.ok(file.bytes(), BankFile.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=payment-batch-" + id + ".csv")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("/{id}/sending")
    @Operation(operationId = "sendPaymentBatch", summary = "Record that an EXPORTED batch's file went to the bank",
            description = "By an approver who did not create the batch (422 maker-checker). A SENT batch answers as "
                    + "it is. Publishes memberaid.payment-batch.sent.v1.")
    @APIResponse(responseCode = "200", description = "SENT",
            content = @Content(schema = @Schema(implementation = PaymentBatchResponse.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "BatchTransition", responseCode = "409")
    @APIResponse(ref = "RuleRefused", responseCode = "422")
    @RolesAllowed(Role.APPROVER)
    public PaymentBatchResponse send(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Optional; an empty object") DisbursementResource.Approval body) {
        return PaymentBatchResponse.of(batches.send(id, caller.subject(), caller.region()));
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(operationId = "cancelPaymentBatch", summary = "Cancel a DRAFT or EXPORTED batch",
            description = "Its disbursements may be batched again; a downloaded file of it must not be sent. A SENT "
                    + "batch cannot be cancelled: the bank may pay it. Publishes memberaid.payment-batch.cancelled.v1.")
    @APIResponse(responseCode = "200", description = "CANCELLED",
            content = @Content(schema = @Schema(implementation = PaymentBatchResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "BatchTransition", responseCode = "409")
    @RolesAllowed(Role.CASEWORKER)
    public PaymentBatchResponse cancel(@PathParam("id") UUID id, Cancellation body) {
        String reason = Texts.reason(RequestBodies.require(body).reason());
        return PaymentBatchResponse.of(batches.cancel(id, caller.subject(), reason, caller.region()));
    }

    @POST
    @Path("/{id}/reconciliation")
    @Consumes(CSV)
    @Operation(operationId = "reconcilePaymentBatch", summary = "Apply the bank's answer to a SENT batch",
            description = "UTF-8 RFC 4180 CSV, the header reference,status,amount,bank_reference,date,reason, a row "
                    + "per payment (status PAID or FAILED; reason required for FAILED; date not after today). Every "
                    + "row is checked first: any bad row and nothing applies (422 with each bad row). Else, in one "
                    + "transaction, PAID rows make their disbursement PAID, FAILED rows PAYMENT_FAILED with the money "
                    + "back to the fund; a row repeating an earlier outcome changes nothing, so sending a file again "
                    + "changes nothing. Once every line has an outcome the batch is RECONCILED. Publishes "
                    + "memberaid.disbursement.paid.v1, memberaid.disbursement.payment-failed.v1 and "
                    + "memberaid.payment-batch.reconciled.v1.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "one paid, one failed", value = """
                    reference,status,amount,bank_reference,date,reason
                    0191f3d2-7c1a-7b3e-9a55-2f0c1d2e3f40,PAID,1200.00,ICBC20261221000123,2026-12-21,
                    0191f3d2-7c1a-7b3e-9a55-2f0c1d2e3f41,FAILED,1200.00,ICBC20261221000124,2026-12-21,account closed
                    """)))
    @APIResponse(responseCode = "200", description = "Applied (or nothing to change)",
            content = @Content(schema = @Schema(implementation = ReconciliationResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "BatchTransition", responseCode = "409")
    @APIResponse(responseCode = "422", description = "reconciliation-refused: 'lines' names each bad row and its rule; "
            + "nothing was applied",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.CASEWORKER)
    public ReconciliationResponse reconcile(@PathParam("id") UUID id, InputStream csv) throws IOException {
        PaymentBatches.Reconciled done = batches.reconcile(id, caller.subject(), csv.readAllBytes(), caller.region());
        return new ReconciliationResponse(PaymentBatchResponse.of(done.batch()), done.paid(), done.failed(),
                done.unchanged());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPaymentBatch", summary = "Read a payment batch", description = "Only inside the caller's region.")
    @APIResponse(responseCode = "200", description = "The batch",
            content = @Content(schema = @Schema(implementation = PaymentBatchResponse.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("id") UUID id) {
        var batch = batches.get(id, caller.region());
        return Caching.revalidated(Response.ok(PaymentBatchResponse.of(batch)), Caching.version(batch.version)).build();
    }

    @GET
    @Path("/{id}/lines")
    @Operation(operationId = "listPaymentLines", summary = "List a batch's lines",
            description = "In line order, accounts masked: who was paid what, and what the bank answered.")
    @APIResponse(responseCode = "200", description = "A page of lines {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<LineResponse> lines(@PathParam("id") UUID id,
            @Parameter(description = "PAID, FAILED, or none (not yet reconciled); all when left out",
                    schema = @Schema(enumeration = { "PAID", "FAILED", "none" })) @QueryParam("outcome") String outcome,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (outcome != null && !List.of("PAID", "FAILED", "none").contains(outcome)) {
            throw new InvalidInputException("outcome", "must be PAID, FAILED or none");
        }
        PaymentBatches.LinePage found = batches.lines(id, outcome, caller.region(), page, size);
        return new PageResponse<>(found.items().stream().map(l -> new LineResponse(l.instruction().line(),
                l.instruction().reference(), l.instruction().payeeName(), masked(l.instruction().account()),
                l.instruction().amount(), l.instruction().purpose(), l.outcome() == null ? null : l.outcome().name(),
                l.bankReference(), l.settledOn(), l.failureReason())).toList(), page, size, found.total());
    }

    @GET
    @Operation(operationId = "listPaymentBatches", summary = "List payment batches",
            description = "Only the caller's region; newest first.")
    @APIResponse(responseCode = "200", description = "A page of batches {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<PaymentBatchResponse> list(@QueryParam("countyCode") String countyCode,
            @QueryParam("status") PaymentBatchStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        PaymentBatches.Page found = batches.list(caller.region(), countyCode == null || countyCode.isBlank() ? null
                : countyCode.strip(), status, page, size);
        return new PageResponse<>(found.items().stream().map(PaymentBatchResponse::of).toList(), page, size,
                found.total());
    }

    @GET
    @Path("/missing-payees")
    @Operation(operationId = "listMissingPayees", summary = "Approved disbursements no batch can pay yet",
            description = "The county's APPROVED disbursements that no live batch holds because their members have "
                    + "no payee details, in id order: register the members' bank accounts, then batch again.")
    @APIResponse(responseCode = "200", description = "A page of disbursements {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<DisbursementResponse> missingPayees(
            @Parameter(required = true) @QueryParam("countyCode") String countyCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (countyCode == null || countyCode.isBlank()) {
            throw new InvalidInputException("countyCode", "is required");
        }
        var found = batches.missingPayees(countyCode.strip(), caller.region(), page, size);
        return new PageResponse<>(found.items().stream().map(DisbursementResponse::of).toList(), page, size,
                found.total());
    }

    /** The first four and the last four digits of an account, as every answer but the bank file shows it. */
    static String masked(String account) {
        int hidden = Math.max(0, account.length() - 8);
        return hidden == 0 ? "*".repeat(account.length())
                : account.substring(0, 4) + "*".repeat(hidden) + account.substring(account.length() - 4);
    }

    /** The refusal of a reconciliation file: each bad row (the first {@value #LISTED_BAD_LINES}) and how many in all. */
    static Response refusal(PaymentBatches.ReconciliationRefused e) {
        List<Reconciliation.BadLine> lines = e.lines();
        return Problem.of(422, "reconciliation-refused", "Reconciliation file refused", e.getMessage())
                .with("lines", lines.subList(0, Math.min(lines.size(), LISTED_BAD_LINES)))
                .with("badLines", lines.size()).toResponse();
    }
}
