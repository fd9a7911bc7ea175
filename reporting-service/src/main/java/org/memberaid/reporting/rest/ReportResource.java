package org.memberaid.reporting.rest;

import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.reporting.domain.CountyStatistics;

@Path("/api/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @GET
    @Path("/counties")
    @Operation(summary = "Per-county figures", description = "One row per county that has had members, by county code.")
    public List<CountyReport> counties() {
        return CountyStatistics.<CountyStatistics>findAll(Sort.by("countyCode")).stream()
                .map(county -> new CountyReport(county.countyCode, county.membersTotal))
                .toList();
    }
}
