package org.memberaid.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.SortedSet;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.memberaid.problems.CommonProblemMappers;
import org.memberaid.problems.Problem;

/**
 * OPTIONS and 405 name the methods a route really has, from the {@link RouteTable}. Left to
 * itself, Quarkus REST lists every method of the resource class that matched on OPTIONS, sends a
 * 405 without {@code Allow}, and answers 404 when that class has the path only under another method
 * (GET on {@code /api/members/{id}/transfer}). These answers are not the hot path: the table is
 * consulted on OPTIONS, 404 and 405 only.
 */
public class AllowedMethods {

    @Inject
    RouteTable routes;

    /** Answered before authentication, as a CORS preflight must be; 404 as before for an unknown path. */
    @ServerRequestFilter(preMatching = true)
    public Response options(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return null;
        }
        SortedSet<String> allowed = routes.allowed(request.getUriInfo().getPath());
        return allowed.isEmpty() ? null
                : Response.noContent().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        return methodNotAllowed(request, routes.allowed(request.getUriInfo().getPath()));
    }

    /** A path the API has, asked with a method it does not answer there, is a 405 rather than a 404. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        SortedSet<String> allowed = routes.allowed(request.getUriInfo().getPath());
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            return methodNotAllowed(request, allowed);
        }
        return CommonProblemMappers.problemOf(e);
    }

    private static Response methodNotAllowed(ContainerRequestContext request, SortedSet<String> allowed) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        return Response.fromResponse(Problem.of(405, "http-405", "Method Not Allowed",
                request.getMethod() + " is not answered on " + path + "; it answers " + String.join(", ", allowed))
                .toResponse())
                .header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }
}
