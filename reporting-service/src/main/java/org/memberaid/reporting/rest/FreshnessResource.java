package org.memberaid.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.memberaid.access.Role;
import org.memberaid.reporting.projection.Freshness;
import org.memberaid.reporting.projection.ProjectionFreshness;

@Path("/api/reports/freshness")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
// How far the projection trails the topics is the same for every region: no region scope.
@RolesAllowed({ Role.ANALYST, Role.ADMIN, Role.AUDITOR })
public class FreshnessResource {

    @Inject
    ProjectionFreshness freshness;

    @GET
    @Operation(operationId = "reportFreshness", summary = "How fresh the reports are",
            description = "Per topic and partition the last offset applied, the broker's end offset and the lag, "
                    + "and asOf (the time of the newest event applied).")
    @APIResponse(responseCode = "200", description = "The projection's position in each partition",
            headers = @Header(name = ReportResource.AS_OF, ref = ReportResource.AS_OF),
            content = @Content(schema = @Schema(implementation = Freshness.class)))
    public RestResponse<Freshness> freshness() {
        Freshness now = freshness.now();
        RestResponse.ResponseBuilder<Freshness> response = RestResponse.ResponseBuilder.ok(now);
        if (now.asOf() != null) {
            response.header(ReportResource.AS_OF, now.asOf().toString());
        }
        return response.build();
    }
}
