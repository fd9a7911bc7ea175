package org.memberaid.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.memberaid.problems.Problem;

/**
 * JSON bodies are small: one announced larger than {@code memberaid.http.max-json-body} (64K) is
 * refused with 413 before it is read. Other bodies (the census CSV) are bounded by
 * {@code quarkus.http.limits.max-body-size}, which Vert.x enforces on every request, and by the
 * limits of the route that reads them.
 */
public class RequestLimits {

    @Inject
    RequestLimitsConfig config;

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        int length = request.getLength();
        long limit = config.maxJsonBody().asLongValue();
        if (type == null || length <= limit || !type.getSubtype().toLowerCase().endsWith("json")) {
            return null;
        }
        return Problem.of(413, "body-too-large", "Body too large",
                "A JSON body may have at most " + limit + " bytes; this one announced " + length)
                .with("limit", limit).toResponse();
    }
}
