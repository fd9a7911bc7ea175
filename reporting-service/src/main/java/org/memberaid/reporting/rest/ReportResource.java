package org.memberaid.reporting.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.reporting.service.Reports;

@Path("/api/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    Reports reports;

    @GET
    @Path("/counties")
    @Operation(summary = "Per-county figures", description = "One row per county, by county code: active members, "
            + "members in difficulty, poverty rate (4 decimals), members lifted out. Counties not in the reference "
            + "data are shown with their code.")
    public List<CountyReport> counties() {
        return reports.counties().stream().map(CountyReport::of).toList();
    }

    @GET
    @Path("/counties")
    @Produces(CsvReports.MEDIA_TYPE + ";charset=UTF-8")
    @Operation(summary = "Per-county figures as CSV (Accept: text/csv or ?format=csv)")
    public String countiesCsv() {
        return CsvReports.counties(counties());
    }

    @GET
    @Path("/counties/{code}")
    @Operation(summary = "One county's figures")
    public CountyReport county(@PathParam("code") String code) {
        return reports.county(code).map(CountyReport::of)
                .orElseThrow(() -> new NotFoundException("No county " + code + " in the reference data or the events"));
    }

    @GET
    @Path("/regions/{code}")
    @Operation(summary = "A region's figures rolled up from its counties (city 620700, province 620000)",
            description = "Counts are summed; the poverty rate is recomputed from the sums, never averaged.")
    public RegionReport region(@PathParam("code") String code) {
        return reports.region(code).map(RegionReport::of)
                .orElseThrow(() -> new NotFoundException("No region " + code));
    }

    @GET
    @Path("/regions/{code}")
    @Produces(CsvReports.MEDIA_TYPE + ";charset=UTF-8")
    @Operation(summary = "A region's roll-up as CSV (Accept: text/csv or ?format=csv)")
    public String regionCsv(@PathParam("code") String code) {
        return CsvReports.region(region(code));
    }
}
