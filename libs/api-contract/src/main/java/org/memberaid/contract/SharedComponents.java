package org.memberaid.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers and answers that mean the same in every service, defined in a document's components
 * only when something refers to them (an unused component is noise to a client's generator).
 */
final class SharedComponents {

    static final String REQUEST_ID = "X-Request-Id";
    static final String PROBLEM = "application/problem+json";
    private static final String HEADERS = "#/components/headers/";
    private static final String RESPONSES = "#/components/responses/";

    private static final Map<String, Supplier<Header>> HEADER_DEFINITIONS = Map.of(
            REQUEST_ID, () -> header("The caller's own X-Request-Id when it sent a plausible one (1 to 100 of "
                    + "A-Z a-z 0-9 . _ : -), else a new one; the audit log records it", string()),
            "ETag", () -> header("The version of the resource as a strong entity tag, e.g. \"3\"; send it back in "
                    + "If-Match to change the resource", string()),
            "Location", () -> header("The URL of what was created", string().format("uri")),
            "Retry-After", () -> header("Seconds to wait before retrying",
                    OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)),
            "WWW-Authenticate", () -> header("The bearer challenge, Bearer realm=\"memberaid\"", string()),
            "Allow", () -> header("The methods the path has, e.g. GET, PUT, OPTIONS", string()));

    private static final Map<String, Supplier<APIResponse>> RESPONSE_DEFINITIONS = Map.of(
            "Unauthenticated", () -> problem("No valid bearer token: none, expired, a bad signature or another "
                    + "issuer").addHeader("WWW-Authenticate", headerRef("WWW-Authenticate")),
            "Forbidden", () -> problem("The token's roles do not allow this operation"),
            "BodyTooLarge", () -> problem("The JSON body is larger than memberaid.http.max-json-body (64K unless "
                    + "configured); 'limit' names it in bytes; nothing was read"),
            "UnsupportedMediaType", () -> problem("The body's Content-Type is not one the operation takes"),
            "ServiceBusy", () -> problem("Too many requests are waiting; nothing was done. Retry after Retry-After "
                    + "seconds").addHeader("Retry-After", headerRef("Retry-After")),
            "ServiceUnavailable", () -> problem("The service cannot answer now (its database or queue); nothing "
                    + "was done. Retry after Retry-After seconds").addHeader("Retry-After", headerRef("Retry-After")),
            "MethodNotAllowed", () -> problem("The path has no such method; Allow names the ones it has")
                    .addHeader("Allow", headerRef("Allow")),
            "NotModified", () -> OASFactory.createAPIResponse().description("The client's copy (If-None-Match) is "
                    + "current; no body").addHeader(REQUEST_ID, headerRef(REQUEST_ID)));

    private SharedComponents() {
    }

    static APIResponse ref(String response) {
        return OASFactory.createAPIResponse().ref(RESPONSES + response);
    }

    static Header headerRef(String header) {
        return OASFactory.createHeader().ref(HEADERS + header);
    }

    /** Defines each shared response and header the document refers to but does not define yet. */
    static void defineUsed(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        for (APIResponse response : responses(openAPI)) {
            String name = nameIn(response.getRef(), RESPONSES);
            if (name != null && RESPONSE_DEFINITIONS.containsKey(name)
                    && (components.getResponses() == null || !components.getResponses().containsKey(name))) {
                components.addResponse(name, RESPONSE_DEFINITIONS.get(name).get());
            }
        }
        for (APIResponse response : responses(openAPI)) {
            if (response.getHeaders() == null) {
                continue;
            }
            for (Header header : response.getHeaders().values()) {
                String name = nameIn(header.getRef(), HEADERS);
                if (name != null && HEADER_DEFINITIONS.containsKey(name)
                        && (components.getHeaders() == null || !components.getHeaders().containsKey(name))) {
                    components.addHeader(name, HEADER_DEFINITIONS.get(name).get());
                }
            }
        }
    }

    /** Every answer of every operation and of the components. */
    private static List<APIResponse> responses(OpenAPI openAPI) {
        List<APIResponse> all = new ArrayList<>();
        if (openAPI.getComponents().getResponses() != null) {
            all.addAll(openAPI.getComponents().getResponses().values());
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    all.addAll(operation.getResponses().getAPIResponses().values());
                }
            }
        }
        return all;
    }

    private static String nameIn(String ref, String prefix) {
        return ref != null && ref.startsWith(prefix) ? ref.substring(prefix.length()) : null;
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
        return OASFactory.createAPIResponse().description(description).content(content)
                .addHeader(REQUEST_ID, headerRef(REQUEST_ID));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).required(true).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
