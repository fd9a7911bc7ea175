package org.memberaid.members.rest;

import org.memberaid.problems.Problem;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.OptionalLong;
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
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.MemberInput;
import org.memberaid.members.domain.MemberNotFoundException;
import org.memberaid.members.domain.RegistrationStatus;
import org.memberaid.members.service.MemberRegistry;
import org.memberaid.members.service.MemberSearch;
import org.memberaid.members.service.RegistrationWriter;

@Path("/api/members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private static final String REVEAL_DOC = "nationalId, phone and/or bankAccount (comma-separated) to show them "
            + "unmasked; registrar or admin only; audited";

    @Inject
    MemberRegistry registry;

    @Inject
    Caller caller;

    @Inject
    AuditNote audit;

    @Inject
    MemberSearch search;

    @POST
    @Operation(operationId = "registerMember", summary = "Register a member",
            description = "Validates every field (GB 11643 check digit, age >= 18, known county...), stores the member "
                    + "and publishes memberaid.member.registered.v1 (with payee details, also "
                    + "memberaid.member.payee-changed.v1 on members.payees). Birth date and gender come from the "
                    + "national ID.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag are set",
            headers = { @Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag") },
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(responseCode = "409", description = "The national ID is registered already; existingMemberId names "
            + "the member when it lies inside the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(ref = "ServiceBusy", responseCode = "503")
    @RolesAllowed(Role.REGISTRAR)
    public CompletionStage<Response> register(MemberInput input, @Context UriInfo uriInfo) {
        // Runs on the event loop (it returns a CompletionStage): validation needs no query, and the
        // answer is completed by the registration's commit, so no worker thread waits for the body
        // or for the database.
        URI members = uriInfo.getAbsolutePath();
        return registry.register(requireBody(input), caller.region(), audit.draft(RegistrationWriter.ACTION))
                .thenApply(member -> Response.created(UriBuilder.fromUri(members).path(member.id.toString()).build())
                        .tag(ETags.of(member)).entity(MemberResponse.of(member, Disclosure.MASKED)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMember", summary = "Read a member",
            description = "With reveal, a registrar or admin sees the national ID, phone or bank account whole "
                    + "(audited); anyone else asking for it is refused 403.")
    @APIResponse(responseCode = "200", description = "The member; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.REGISTRAR, Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = REVEAL_DOC) @QueryParam(Disclosure.REVEAL_PARAMETER) String reveal) {
        Disclosure disclosure = Disclosure.of(reveal);
        if (disclosure.revealsAnything() && !caller.hasRole(Role.REGISTRAR) && !caller.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Only a registrar or an admin may reveal a member's " + disclosure.names());
        }
        Member member = registry.find(id, caller.region()).orElseThrow(() -> new MemberNotFoundException(id));
        if (disclosure.revealsAnything()) {
            audit.reveal(disclosure.names(), id.toString());
        }
        return Caching.revalidated(Response.ok(MemberResponse.of(member, disclosure)), ETags.of(member)).build();
    }

    @GET
    @Operation(operationId = "searchMembers", summary = "Search members",
            description = "Filters combine; q is the start of a name, or a whole national ID. Only members inside "
                    + "the caller's region. Ordered by registration time, then id (stable across pages). page "
                    + "starts at 0. National ID and phone are masked; nothing is revealed on a search.")
    @APIResponse(responseCode = "200", description = "A page of members {items, page, size, total}")
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed({ Role.REGISTRAR, Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<MemberResponse> search(@QueryParam("countyCode") String countyCode,
            @Parameter(schema = @Schema(implementation = HardshipStatus.class)) @QueryParam("hardshipStatus") String hardshipStatus,
            @Parameter(schema = @Schema(implementation = RegistrationStatus.class)) @QueryParam("registrationStatus") String registrationStatus,
            @Parameter(description = "Name prefix, or a whole national ID") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MemberSearch.MAX_PAGE_SIZE) int size,
            @Parameter(description = "Not offered on a search: 400") @QueryParam(Disclosure.REVEAL_PARAMETER) String reveal) {
        if (reveal != null) {
            throw new InvalidInputException(Disclosure.REVEAL_PARAMETER,
                    "is only offered when reading one member (GET /api/members/{id})");
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        MemberSearch.Result result = search.search(new MemberSearch.Criteria(caller.region(), blankToNull(countyCode),
                filter(HardshipStatus.class, hardshipStatus, "hardshipStatus"),
                filter(RegistrationStatus.class, registrationStatus, "registrationStatus"), query), page, size);
        return new PageResponse<>(result.items().stream().map(m -> MemberResponse.of(m, Disclosure.MASKED)).toList(),
                page, size, result.total());
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateMember", summary = "Update a member",
            description = "Replaces the member's changeable attributes. Requires If-Match with the ETag read. The "
                    + "national ID never changes; the county changes by transfer; hardship by assessment. "
                    + "Publishes memberaid.member.updated.v1, and memberaid.member.payee-changed.v1 on members.payees "
                    + "when the payee details were set, changed or removed.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    @APIResponse(ref = "PreconditionRequired", responseCode = "428")
    @RolesAllowed(Role.REGISTRAR)
    public Response update(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the member as read, e.g. \"3\"; without it 428")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(implementation = MemberUpdate.class))) MemberInput input) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Problem.of(428, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the member you read, so no one else's change is overwritten")
                    .toResponse();
        }
        MemberInput body = requireBody(input);
        if (body.hardshipStatus() != null || body.causes() != null) {
            throw new InvalidInputException(body.hardshipStatus() != null ? "hardshipStatus" : "causes",
                    "is changed by a hardship assessment (POST /api/members/{id}/hardship-assessments)");
        }
        OptionalLong expected = ETags.versionIn(ifMatch);
        long version = expected.orElse(-1);
        Member member = registry.update(id, version, body, caller.region());
        return Response.ok(MemberResponse.of(member, Disclosure.MASKED)).tag(ETags.of(member)).build();
    }

    static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required");
        }
        return body;
    }

    private static <E extends Enum<E>> E filter(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
