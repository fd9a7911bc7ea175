package org.memberaid.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.memberaid.http.Caching;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.Member;
import org.memberaid.members.service.BusinessCalendar;
import org.memberaid.members.service.MemberRegistry;
import org.memberaid.problems.Problem;

/** What happens to a member after registration: hardship assessments, transfers, deregistration. */
@Path("/api/members/{id}")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberLifecycleResource {

    /** Assessments are never changed: every one is at its first and only version. */
    private static final EntityTag ASSESSMENT_TAG = Caching.version(1);

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
    @APIResponse(responseCode = "201", description = "Recorded; Location names the assessment",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(responseCode = "422", description = "Dated before the member's registration (rule before-registration)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.REGISTRAR)
    public Response assess(@PathParam("id") UUID id, AssessmentRequest request, @Context UriInfo uriInfo) {
        HardshipAssessment assessment = registry.assess(id,
                MemberResource.requireBody(request).validated(calendar.today(), calendar.programmeYears()),
                caller.region());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(assessment.id.toString()).build())
                .tag(ASSESSMENT_TAG).entity(AssessmentResponse.of(assessment)).build();
    }

    @GET
    @Path("/hardship-assessments/{assessmentId}")
    @Operation(operationId = "getHardshipAssessment", summary = "One hardship assessment of a member",
            description = "An assessment never changes once recorded: its ETag is always \"1\".")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @RolesAllowed({ Role.REGISTRAR, Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response assessment(@PathParam("id") UUID id, @PathParam("assessmentId") UUID assessmentId) {
        return registry.assessment(id, assessmentId, caller.region())
                .map(found -> Caching.revalidated(Response.ok(AssessmentResponse.of(found)), ASSESSMENT_TAG).build())
                .orElseGet(() -> Problem.notFound("No hardship assessment " + assessmentId + " of member " + id)
                        .toResponse());
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
    @APIResponse(responseCode = "422", description = "Dated before the member's registration (rule before-registration)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.REGISTRAR)
    public Response transfer(@PathParam("id") UUID id, TransferRequest request) {
        TransferRequest body = MemberResource.requireBody(request).validated(calendar.today(), calendar.programmeYears());
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
    @APIResponse(responseCode = "422", description = "Dated before the member's registration (rule before-registration)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.REGISTRAR)
    public Response deregister(@PathParam("id") UUID id, DeregistrationRequest request) {
        DeregistrationRequest body = MemberResource.requireBody(request).validated(calendar.today(),
                calendar.programmeYears());
        Member member = registry.deregister(id, body.reason(), body.effectiveOn(), caller.region());
        return Response.ok(MemberResponse.of(member, Disclosure.MASKED)).tag(ETags.of(member)).build();
    }
}
