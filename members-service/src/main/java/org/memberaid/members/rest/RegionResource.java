package org.memberaid.members.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.members.domain.Region;
import org.memberaid.members.service.Regions;

@Path("/api/regions")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    /** A GB/T 2260 region: members are registered in regions of level COUNTY. */
    @Schema(name = "Region")
    public record RegionResponse(@Schema(examples = "620702") String code, @Schema(examples = "甘州区") String nameZh,
            @Schema(examples = "Ganzhou District") String nameEn,
            @Schema(nullable = true, description = "null for the province", examples = "620700") String parentCode,
            @Schema(implementation = Region.Level.class) String level) {
    }

    @Inject
    Regions regions;

    @GET
    @Authenticated
    @Operation(operationId = "listRegions", summary = "The known regions (province, city, counties), by code",
            description = "Reference data: Gansu province, Zhangye city and its six counties. Members are registered "
                    + "in counties; any signed-in caller may read it.")
    public List<RegionResponse> list() {
        return regions.all().stream()
                .map(r -> new RegionResponse(r.code, r.nameZh, r.nameEn, r.parentCode, r.level.name()))
                .toList();
    }
}
