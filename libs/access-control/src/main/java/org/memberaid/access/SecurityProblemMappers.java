package org.memberaid.access;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.memberaid.problems.Problem;

/**
 * A request without a valid bearer token (none, a bad signature, another issuer, expired) is a
 * 401, one whose roles do not allow the operation a 403; both as problem+json. Authentication is
 * not proactive (see application.properties), so these failures reach these mappers.
 */
public class SecurityProblemMappers {

    private static final String CHALLENGE = "Bearer realm=\"memberaid\"";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response incomplete(AuthenticationCompletionException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "Your roles do not allow this operation"
                : e.getMessage();
        return Problem.of(403, "forbidden", "Forbidden", detail).toResponse();
    }

    private static Response unauthenticated() {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Unauthenticated",
                "Send a valid bearer token from the memberaid identity provider (Authorization: Bearer ...)")
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
