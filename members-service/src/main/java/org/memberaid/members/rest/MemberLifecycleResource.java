package org.memberaid.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Caller;
import org.memberaid.access.Role;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.Member;
import org.memberaid.members.service.BusinessCalendar;
import org.memberaid.members.service.MemberRegistry;

/** What happens to a member after registration: hardship assessments, transfers, deregistration. */
@Path("/api/members/{id}")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberLifecycleResource {

    @Inject
    MemberRegistry registry;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Caller caller;

    @POST
    @Path("/hardship-assessments")
    @Operation(operationId = "assessHardship", summary = "Assess a member's hardship",
            description = "IN_DIFFICULTY needs at least one cause; LIFTED_OUT is allowed only from IN_DIFFICULTY. "
                    + "The assessment is kept in the member's history. Publishes memberaid.member.hardship-assessed.v1.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @RolesAllowed(Role.REGISTRAR)
    public Response assess(@PathParam("id") UUID id, AssessmentRequest request) {
        HardshipAssessment assessment = registry.assess(id,
                MemberResource.requireBody(request).validated(calendar.today()), caller.region());
        return Response.status(Response.Status.CREATED).entity(AssessmentResponse.of(assessment)).build();
    }

    @GET
    @Path("/hardship-assessments")
    @Operation(operationId = "listHardshipAssessments", summary = "A member's hardship history, oldest first",
            description = "Every assessment recorded for the member, the initial one of a registration in difficulty "
                    + "included, each with the member's version after it.")
    @APIResponse(responseCode = "200", description = "Every assessment recorded for the member")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.REGISTRAR, Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public List<AssessmentResponse> assessments(@PathParam("id") UUID id) {
        return registry.assessments(id, caller.region()).stream().map(AssessmentResponse::of).toList();
    }

    @POST
    @Path("/transfer")
    @Operation(operationId = "transferMember", summary = "Transfer a member to another county",
            description = "Publishes memberaid.member.transferred.v1.")
    @APIResponse(responseCode = "200", description = "Transferred; ETag is the new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @RolesAllowed(Role.REGISTRAR)
    public Response transfer(@PathParam("id") UUID id, TransferRequest request) {
        TransferRequest body = MemberResource.requireBody(request).validated(calendar.today());
        Member member = registry.transfer(id, body.countyCode().strip(), body.effectiveOn(), caller.region());
        return Response.ok(MemberResponse.of(member, Disclosure.MASKED)).tag(ETags.of(member)).build();
    }

    @POST
    @Path("/deregistration")
    @Operation(operationId = "deregisterMember", summary = "Deregister a member (deceased or transferred out of the prefecture)",
            description = "The member becomes read-only and drops out of every count. "
                    + "Publishes memberaid.member.deregistered.v1.")
    @APIResponse(responseCode = "200", description = "Deregistered; ETag is the new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @RolesAllowed(Role.REGISTRAR)
    public Response deregister(@PathParam("id") UUID id, DeregistrationRequest request) {
        DeregistrationRequest body = MemberResource.requireBody(request).validated(calendar.today());
        Member member = registry.deregister(id, body.reason(), body.effectiveOn(), caller.region());
        return Response.ok(MemberResponse.of(member, Disclosure.MASKED)).tag(ETags.of(member)).build();
    }
}
