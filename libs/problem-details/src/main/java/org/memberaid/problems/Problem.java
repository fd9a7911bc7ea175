package org.memberaid.problems;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * An RFC 9457 problem detail; {@code violations} lists each invalid field of a request. Members
 * without a value are left out. A service's OpenAPI document lists the extension members its
 * problems carry beside these (its {@code META-INF/openapi.yaml}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json). 'type' names the "
        + "problem (https://memberaid.org/problems/<slug>); members beside the standard ones are extension members "
        + "of particular problem types.", requiredProperties = { "type", "title", "status", "detail" },
        properties = @SchemaProperty(name = "limit", type = SchemaType.INTEGER, format = "int64",
                description = "413: the limit exceeded (bytes of a JSON body, or rows of an import)"))
public record Problem(
        @Schema(description = "The problem's kind", examples = "https://memberaid.org/problems/validation") URI type,
        @Schema(examples = "Invalid request") String title,
        @Schema(description = "The HTTP status", examples = "400") int status,
        @Schema(description = "What happened, for a person", examples = "The request has 1 invalid field(s)")
        String detail,
        @Schema(description = "400 validation: every invalid field of the request") List<Violation> violations,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://memberaid.org/problems/";
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance",
            "violations");

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, new LinkedHashMap<>());
    }

    public static Problem invalid(List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid request", 400,
                "The request has " + violations.size() + " invalid field(s)", violations, new LinkedHashMap<>());
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** Adds an extension member; one named like a standard member would write that name twice. */
    public Problem with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a standard member of a problem, not an extension");
        }
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
