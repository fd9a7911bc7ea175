package org.memberaid.relief.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Caller;
import org.memberaid.access.Role;
import org.memberaid.http.Caching;
import org.memberaid.problems.Problem;
import org.memberaid.relief.domain.CountyPolicy;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.service.Policies;

@Path("/api/policies/{countyCode}")
@Tag(name = "Policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /** A county's rules as clients send them (amounts in yuan). */
    @Schema(name = "CountyPolicyRules")
    public record Rules(
            @Schema(required = true, ref = "Amount", examples = "1000.00") BigDecimal hardshipReliefMin,
            @Schema(required = true, ref = "Amount", examples = "5000.00") BigDecimal hardshipReliefMax,
            @Schema(required = true, ref = "Amount", examples = "300.00") BigDecimal livingSubsidyMin,
            @Schema(required = true, ref = "Amount", examples = "500.00") BigDecimal livingSubsidyMax,
            @Schema(required = true, examples = "70") Integer livingSubsidyAge,
            @Schema(required = true, ref = "Amount", examples = "500000.00") BigDecimal specialReliefFloor,
            @Schema(required = true, ref = "Amount", examples = "50000.00") BigDecimal startupSupportMax,
            @Schema(required = true, examples = "50") Integer veteranYears) {

        CountyPolicy toPolicy(String countyCode) {
            return new CountyPolicy(countyCode, hardshipReliefMin, hardshipReliefMax, livingSubsidyMin,
                    livingSubsidyMax, livingSubsidyAge == null ? 0 : livingSubsidyAge, specialReliefFloor,
                    startupSupportMax, veteranYears == null ? 0 : veteranYears, 0);
        }
    }

    @Inject
    Policies policies;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getCountyPolicy", summary = "A county's relief rules",
            description = "The article's defaults (relief 1,000–3,000; subsidy 300–500 from age 70; floor 500,000; "
                    + "startup up to 50,000; veterans after 50 years) until the county sets its own. ETag: version, "
                    + "\"0\" for the defaults.")
    @APIResponse(responseCode = "200", description = "The county's rules; ETag is their version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CountyPolicy.class)))
    @APIResponse(responseCode = "404", description = "No such county in the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("countyCode") String countyCode) {
        CountyPolicy policy = policies.of(requireInRegion(countyCode));
        return Caching.revalidated(Response.ok(policy), Caching.version(policy.version())).build();
    }

    @PUT
    @Operation(operationId = "setCountyPolicy", summary = "Set a county's relief rules",
            description = "Requires If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "The rules set; ETag is their new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CountyPolicy.class)))
    @APIResponse(responseCode = "400", description = "Inconsistent rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such county in the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match; 'currentVersion' and the ETag header give the current one",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.ADMIN)
    public Response put(@PathParam("countyCode") String countyCode,
            @Parameter(required = true, description = "The ETag of the policy as read, e.g. \"0\"; without it 428")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Rules rules) {
        requireInRegion(countyCode);
        if (ifMatch == null || ifMatch.isBlank()) {
            return Problem.of(428, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the policy you read").toResponse();
        }
        CountyPolicy updated = policies.update(countyCode, versionIn(ifMatch),
                RequestBodies.require(rules).toPolicy(countyCode));
        return Response.ok(updated).tag(new EntityTag(String.valueOf(updated.version()))).build();
    }

    /**
     * A county outside the caller's region does not exist for them: answered like an unknown county
     * (its policy is a resource of the path, so 404, as for funds and disbursements).
     */
    private String requireInRegion(String countyCode) {
        if (!caller.covers(countyCode)) {
            throw new NotFoundException("No county with code " + countyCode);
        }
        return countyCode;
    }

    private static long versionIn(String ifMatch) {
        String tag = ifMatch.strip().replaceFirst("^W/", "");
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
