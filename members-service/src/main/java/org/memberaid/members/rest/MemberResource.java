package org.memberaid.members.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.members.domain.Member;
import org.memberaid.members.service.MemberRegistry;

@Path("/api/members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    @Inject
    MemberRegistry registry;

    @POST
    @Operation(summary = "Register a member", description = "Stores the member and publishes memberaid.member.registered.v1.")
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag headers are set",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The national ID is already registered; names the member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid RegisterMemberRequest request, @Context UriInfo uriInfo) {
        Member member = registry.register(request.nationalId(), request.name(), request.countyCode());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(member.id.toString()).build())
                .tag(etag(member))
                .entity(MemberResponse.of(member))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a member")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return registry.find(id)
                .map(member -> Response.ok(MemberResponse.of(member)).tag(etag(member)).build())
                .orElseGet(() -> Problem.notFound("No member with id " + id).toResponse());
    }

    private static EntityTag etag(Member member) {
        return new EntityTag(String.valueOf(member.version));
    }
}
