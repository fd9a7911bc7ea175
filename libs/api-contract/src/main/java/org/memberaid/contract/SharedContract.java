package org.memberaid.contract;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says the same way because it follows from the shared
 * libraries, not from one resource; said here once, no resource has to repeat it or can forget it:
 * <ul>
 * <li>every {@code /api} operation takes the realm's bearer token (the OpenID Connect scheme Quarkus
 * adds, with no scopes: roles are claims of the token, not scopes to ask the identity provider
 * for); 401 and the 403 Quarkus finds for {@code @RolesAllowed} are problem+json;</li>
 * <li>an operation with a body may be refused 415 (another media type), one with a JSON body 413
 * (access-control's {@code memberaid.http.max-json-body});</li>
 * <li>every answer carries {@code X-Request-Id};</li>
 * <li>any operation may be answered 405 (with {@code Allow}) and 503 (with {@code Retry-After}), any
 * read 304 when the client's {@code If-None-Match} names the current ETag (libs/http-conventions);</li>
 * <li>every member of an answer's schema is required: Jackson writes them all, null ones included
 * (which may be null says {@code nullable} on the member), so a generated client sees no optional
 * fields. Schemas a request body uses keep the {@code required} their annotations give.</li>
 * </ul>
 * Shared headers and responses are defined in the components when an operation uses them, so a
 * service's resources refer to them by name ({@code @APIResponse(ref = "ServiceBusy")},
 * {@code @Header(ref = "ETag")}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SharedContract implements OASFilter {

    static final String API_PREFIX = "/api/";
    /** The local realm's discovery document; at run time Quarkus puts the configured issuer's there. */
    static final String LOCAL_OIDC_DISCOVERY = "http://localhost:8180/realms/memberaid/.well-known/openid-configuration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Components components = openAPI.getComponents();
        String scheme = securityScheme(components);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API_PREFIX)) {
                item.getOperations().values().stream().filter(operation -> operation.getResponses() != null)
                        .forEach(operation -> conventions(operation, scheme));
                if (item.getGET() != null) {
                    revalidated(item.getGET());
                }
            }
        });
        SharedComponents.defineUsed(openAPI);
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(SharedContract::carryRequestId);
        }
        AnswerSchemas.requireEveryMember(openAPI);
        ScalarSchemas.inline(openAPI);
    }

    private static void conventions(Operation operation, String scheme) {
        if (scheme != null) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(scheme))));
        }
        APIResponses answers = operation.getResponses();
        answers.addAPIResponse("401", SharedComponents.ref("Unauthenticated"));
        if (answers.hasAPIResponse("403")) {
            answers.addAPIResponse("403", SharedComponents.ref("Forbidden"));
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Set<String> types = operation.getRequestBody().getContent().getMediaTypes().keySet();
            if (!answers.hasAPIResponse("415")) {
                answers.addAPIResponse("415", SharedComponents.ref("UnsupportedMediaType"));
            }
            if (!answers.hasAPIResponse("413") && types.stream().anyMatch(type -> type.endsWith("json"))) {
                answers.addAPIResponse("413", SharedComponents.ref("BodyTooLarge"));
            }
        }
        // The HTTP conventions every service follows (libs/http-conventions, docs/http.md)
        if (!answers.hasAPIResponse("405")) {
            answers.addAPIResponse("405", SharedComponents.ref("MethodNotAllowed"));
        }
        if (!answers.hasAPIResponse("503")) {
            answers.addAPIResponse("503", SharedComponents.ref("ServiceUnavailable"));
        }
        answers.getAPIResponses().values().forEach(SharedContract::carryRequestId);
    }

    /** A read may be answered 304 when its If-None-Match names the current ETag. */
    private static void revalidated(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("304")) {
            operation.getResponses().addAPIResponse("304", SharedComponents.ref("NotModified"));
        }
    }

    private static void carryRequestId(APIResponse response) {
        if (response.getRef() == null) {
            response.addHeader(SharedComponents.REQUEST_ID, SharedComponents.headerRef(SharedComponents.REQUEST_ID));
        }
    }

    /**
     * The name of the OpenID Connect scheme Quarkus adds ({@code quarkus.smallrye-openapi.security-scheme=oidc}),
     * given the local realm's discovery URL when the build could not resolve one (the exported
     * document must be valid; the served one gets the configured issuer's at start).
     */
    private static String securityScheme(Components components) {
        if (components == null || components.getSecuritySchemes() == null) {
            return null;
        }
        for (Map.Entry<String, SecurityScheme> entry : components.getSecuritySchemes().entrySet()) {
            SecurityScheme scheme = entry.getValue();
            if (scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
                if (scheme.getOpenIdConnectUrl() == null || scheme.getOpenIdConnectUrl().isBlank()) {
                    scheme.setOpenIdConnectUrl(LOCAL_OIDC_DISCOVERY);
                }
                scheme.setDescription("An access token of the memberaid realm as 'Authorization: Bearer ...': "
                        + "roles in realm_access.roles, the caller's region in the claim 'region', audience "
                        + "memberaid-api. A token whose roles do not allow an operation is answered 403.");
                return entry.getKey();
            }
        }
        return null;
    }

    static boolean isObject(Schema schema) {
        return schema.getProperties() != null && !schema.getProperties().isEmpty();
    }
}
