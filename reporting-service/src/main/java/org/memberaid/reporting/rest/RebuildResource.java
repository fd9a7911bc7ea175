package org.memberaid.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Role;
import org.memberaid.problems.Problem;
import org.memberaid.reporting.projection.Projections;

@Path("/api/admin/rebuild")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    Projections projections;

    @POST
    @Operation(operationId = "startRebuild", summary = "Rebuild every figure by replaying both topics from the beginning",
            description = "Admin only; audited. Fills a new projection beside the live one; reports keep reading the live one until the "
                    + "new one has applied everything the live one has, then switch over. Follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started; Location is where to follow it",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = Projections.RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running ('rebuild' is its state)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.ADMIN)
    public Response rebuild() {
        if (!projections.startRebuild()) {
            return Problem.of(409, "rebuild-running", "A rebuild is already running",
                    "Follow it with GET /api/admin/rebuild").with("rebuild", projections.rebuildStatus()).toResponse();
        }
        return Response.accepted(projections.rebuildStatus()).location(URI.create("/api/admin/rebuild")).build();
    }

    @GET
    @Operation(operationId = "rebuildStatus",
            summary = "The state of the latest rebuild (IDLE, RUNNING with eventsBehind, SWITCHED)",
            description = "For admins and auditors: since when it runs, how far it trails the live projection, when "
                    + "the reports switched to it.")
    @APIResponse(responseCode = "200", description = "The latest rebuild",
            content = @Content(schema = @Schema(implementation = Projections.RebuildStatus.class)))
    @RolesAllowed({ Role.ADMIN, Role.AUDITOR })
    public Projections.RebuildStatus status() {
        return projections.rebuildStatus();
    }
}
