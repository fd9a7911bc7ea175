package org.memberaid.access.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.memberaid.access.Caller;

/**
 * Records every answered write under {@code /api} (POST, PUT, PATCH, DELETE, whatever the outcome:
 * also 403, 404, 409, 422) and every read a resource marked in {@link AuditNote} (reveals), and
 * holds the answer until the line is committed; a write whose writer committed the line with the
 * change ({@link AuditNote#draft}) is not recorded twice. A request without a verified caller (401) has no
 * actor and is not recorded. Every answer carries {@code X-Request-Id}: the caller's own, when it
 * sent a plausible one, else a new one; the audit line records it.
 */
public class AuditTrail {

    public static final String REQUEST_ID = AuditNote.REQUEST_ID;

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Inject
    AuditLog log;

    @Inject
    AuditNote note;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String requestId = note.requestId();
        response.getHeaders().putSingle(REQUEST_ID, requestId);
        String noted = note.action();
        boolean write = !READS.contains(request.getMethod());
        if ((!write && noted == null) || note.written() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        String action = noted != null ? noted : request.getMethod() + " " + route(request, resource);
        String target = target(request, response);
        int outcome = response.getStatus();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .onItem().transformToUni(identity -> {
                    if (identity == null || identity.isAnonymous()
                            || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                        return Uni.createFrom().voidItem();
                    }
                    AuditRecord line = new AuditRecord(Instant.now(), token.getSubject(), Caller.roles(identity),
                            Caller.regionClaim(identity), action, target, requestId, outcome);
                    return Uni.createFrom().completionStage(log.record(line))
                            .onFailure().invoke(e -> LOG.errorf(e,
                                    "Audit line not stored: actor %s, action %s, target %s, request %s, outcome %d",
                                    line.actor(), line.action(), line.target(), line.requestId(), line.outcome()))
                            .onFailure().recoverWithNull()
                            .replaceWithVoid();
                });
    }

    private String route(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        }
        return routes.computeIfAbsent(method, m -> {
            Path type = resource.getResourceClass().getAnnotation(Path.class);
            Path own = m.getAnnotation(Path.class);
            String template = (type == null ? "" : type.value()) + (own == null ? "" : "/" + own.value());
            return "/" + template.replaceAll("/+", "/").replaceFirst("^/", "").replaceFirst("/$", "");
        });
    }

    private String target(ContainerRequestContext request, ContainerResponseContext response) {
        if (note.target() != null) {
            return note.target();
        }
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id != null) {
            return id;
        }
        URI location = response.getLocation();
        if (location != null && location.getPath() != null) {
            String path = location.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return null;
    }
}
