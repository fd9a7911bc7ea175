package org.memberaid.relief.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Problem;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.Fund;
import org.memberaid.relief.domain.ProgrammeYears;
import org.memberaid.relief.service.BusinessCalendar;
import org.memberaid.relief.service.Counties;
import org.memberaid.relief.service.Funds;

@Path("/api/funds")
@Tag(name = "Funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundResource {

    /** The body of a budget change. */
    @Schema(name = "BudgetChange")
    public record BudgetChange(@Schema(required = true, ref = "Amount", examples = "800000.00") BigDecimal budget) {
    }

    @Inject
    Funds funds;

    @Inject
    Counties counties;

    @Inject
    Caller caller;

    @Inject
    BusinessCalendar calendar;

    @POST
    @Operation(operationId = "allocateFund", summary = "Allocate a county's fund for a year",
            description = "One fund per county, year and kind. A SPECIAL_RELIEF budget must reach the county's floor "
                    + "(500,000 yuan by default). The county must lie in the caller's region (else 400). Publishes "
                    + "memberaid.fund.allocated.v1.")
    @APIResponse(responseCode = "201", description = "Allocated", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = FundResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The county has this fund already (existingFundId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Below the county's special relief floor (rule)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.ADMIN)
    public Response allocate(FundRequest request, @Context UriInfo uriInfo) {
        FundRequest valid = RequestBodies.require(request).validated(calendar.programmeYears());
        if (!counties.isCounty(valid.countyCode())) {
            throw new InvalidInputException("countyCode", "is not a known county");
        }
        caller.region().requireCounty(valid.countyCode());
        Fund fund = funds.allocate(valid.countyCode(), valid.year(), valid.kind(), valid.budget());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(fund.id.toString()).build())
                .entity(FundResponse.of(fund)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "changeFundBudget", summary = "Change a fund's budget",
            description = "Never below what is already approved (422 budget-below-approved), nor below the floor for "
                    + "SPECIAL_RELIEF. Publishes memberaid.fund.budget-changed.v1.")
    @APIResponse(responseCode = "200", description = "The fund with its new budget",
            content = @Content(schema = @Schema(implementation = FundResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Below what is approved, or below the floor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Role.ADMIN)
    public FundResponse changeBudget(@PathParam("id") UUID id, BudgetChange change) {
        List<Violation> violations = new ArrayList<>();
        Amounts.checkPositive(RequestBodies.require(change).budget(), "budget", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return FundResponse.of(funds.changeBudget(id, change.budget(), caller.region()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFund", summary = "Read a fund: budget, approved and remaining",
            description = "remaining is budget minus what is approved (reversals give it back). Only inside the "
                    + "caller's region.")
    @APIResponse(responseCode = "200", description = "The fund", content = @Content(schema = @Schema(implementation = FundResponse.class)))
    @APIResponse(responseCode = "404", description = "No such fund in the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public Response get(@PathParam("id") UUID id) {
        Fund fund = funds.get(id, caller.region());
        return Caching.revalidated(Response.ok(FundResponse.of(fund)), Caching.version(fund.version)).build();
    }

    @GET
    @Operation(operationId = "listFunds", summary = "List funds by county and year", description = "Only the caller's region.")
    @APIResponse(responseCode = "200", description = "A page of funds {items, page, size, total}")
    @APIResponse(responseCode = "400", description = "An invalid parameter, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({ Role.CASEWORKER, Role.APPROVER, Role.ADMIN, Role.AUDITOR })
    public PageResponse<FundResponse> list(@QueryParam("countyCode") String countyCode, @QueryParam("year") Integer year,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        ProgrammeYears years = calendar.programmeYears();
        if (year != null && !years.holds(year)) {
            throw new InvalidInputException("year", years.refusal());
        }
        Funds.Page found = funds.list(caller.region(), countyCode == null || countyCode.isBlank() ? null : countyCode.strip(), year,
                page, size);
        return new PageResponse<>(found.items().stream().map(FundResponse::of).toList(), page, size, found.total());
    }
}
