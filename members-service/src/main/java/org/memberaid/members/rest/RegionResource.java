package org.memberaid.members.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.members.service.Regions;

@Path("/api/regions")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    /** A GB/T 2260 region: members are registered in regions of level COUNTY. */
    public record RegionResponse(String code, String nameZh, String nameEn, String parentCode, String level) {
    }

    @Inject
    Regions regions;

    @GET
    @Authenticated
    @Operation(summary = "The known regions (province, city, counties), by code")
    public List<RegionResponse> list() {
        return regions.all().stream()
                .map(r -> new RegionResponse(r.code, r.nameZh, r.nameEn, r.parentCode, r.level.name()))
                .toList();
    }
}
