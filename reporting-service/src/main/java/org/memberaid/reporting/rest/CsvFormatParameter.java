package org.memberaid.reporting.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code ?format=csv} asks for CSV where a BI tool cannot set an Accept header. */
public class CsvFormatParameter {

    @ServerRequestFilter(preMatching = true)
    public void asCsv(ContainerRequestContext request) {
        if ("csv".equalsIgnoreCase(request.getUriInfo().getQueryParameters().getFirst("format"))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, CsvReports.MEDIA_TYPE);
        }
    }
}
