package org.memberaid.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.memberaid.problems.Problem;

/**
 * A body without {@code Content-Type}, or with a wildcard one ({@code *}{@code /*}, which names no
 * format), is refused with 415, naming the type to send. Quarkus REST checks a Content-Type against
 * {@code @Consumes} only when there is a concrete one, so a JSON body sent without it was read as
 * JSON (and registered a member). Costs two header lookups per request; the resource method's
 * annotations are read only for a body that is refused.
 */
public class ContentTypeRequired {

    private static final String TRANSFER_ENCODING = "Transfer-Encoding";

    @ServerRequestFilter
    public Response refuseUntypedBody(ContainerRequestContext request, ResourceInfo resource) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((type != null && type.indexOf('*') < 0) || !hasBody(request)) {
            return null;
        }
        Consumes consumes = consumes(resource);
        if (consumes == null) {
            return null;
        }
        String accepted = String.join(" or ", consumes.value());
        return Problem.of(415, "http-415", "Unsupported Media Type",
                (type == null ? "The body has no Content-Type" : "The body's Content-Type " + type + " names no format")
                        + "; send Content-Type: " + accepted).toResponse();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString(TRANSFER_ENCODING) != null;
    }

    private static Consumes consumes(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Consumes own = method.getAnnotation(Consumes.class);
        return own != null ? own : resource.getResourceClass().getAnnotation(Consumes.class);
    }
}
