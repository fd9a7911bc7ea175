package org.memberaid.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * SmallRye puts {@code LocalDate}, {@code Instant} and {@code UUID} in the components and refers to
 * them; a member that also says {@code nullable} or an example becomes {@code allOf: [$ref]} beside
 * them, and in OpenAPI 3.0 {@code nullable} does not reach into an {@code allOf}: a validator (and a
 * generator) reads such a date as never null. These scalar schemas are written where they are used
 * instead ({@code type: string, format: date}), which every tool reads alike, and leave the components.
 * A reference to an enum keeps its component (clients get a named type); the {@code type: object}
 * SmallRye writes beside it becomes the enum's own type.
 */
final class ScalarSchemas {

    private static final String SCHEMAS = "#/components/schemas/";

    private final Map<String, Schema> schemas;
    private final Map<String, Schema> scalars = new LinkedHashMap<>();

    private ScalarSchemas(Map<String, Schema> schemas) {
        this.schemas = schemas;
        schemas.forEach((name, schema) -> {
            if (isScalar(schema)) {
                scalars.put(name, schema);
            }
        });
    }

    static void inline(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        ScalarSchemas inliner = new ScalarSchemas(openAPI.getComponents().getSchemas());
        if (inliner.scalars.isEmpty()) {
            return;
        }
        for (String name : new ArrayList<>(openAPI.getComponents().getSchemas().keySet())) {
            Schema schema = openAPI.getComponents().getSchemas().get(name);
            if (!inliner.scalars.containsKey(name)) {
                openAPI.getComponents().addSchema(name, inliner.visit(schema));
            }
        }
        if (openAPI.getComponents().getParameters() != null) {
            openAPI.getComponents().getParameters().values().forEach(inliner::parameter);
        }
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(inliner::header);
        }
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(inliner::response);
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            nonNull(item.getParameters()).forEach(inliner::parameter);
            for (Operation operation : item.getOperations().values()) {
                nonNull(operation.getParameters()).forEach(inliner::parameter);
                if (operation.getRequestBody() != null) {
                    inliner.content(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(inliner::response);
                }
            }
        }
        inliner.scalars.keySet().forEach(openAPI.getComponents()::removeSchema);
    }

    private void parameter(Parameter parameter) {
        if (parameter.getSchema() != null) {
            parameter.setSchema(visit(parameter.getSchema()));
        }
        content(parameter.getContent());
    }

    private void header(Header header) {
        if (header.getSchema() != null) {
            header.setSchema(visit(header.getSchema()));
        }
    }

    private void response(APIResponse response) {
        if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(this::header);
        }
        content(response.getContent());
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                if (type.getSchema() != null) {
                    type.setSchema(visit(type.getSchema()));
                }
            }
        }
    }

    /** The schema to put where {@code schema} was: itself with its parts visited, or an inline scalar. */
    private Schema visit(Schema schema) {
        Schema target = referred(schema);
        if (target != null) {
            // The model is 3.1's, where a reference may have siblings (nullable, an example); the
            // 3.0 writer turns those into allOf.
            if (scalars.containsValue(target)) {
                schema.setRef(null);
                merge(target, schema);
            } else if (target.getEnumeration() != null && schema.getType() != null) {
                schema.setType(typeKeepingNull(target.getType(), schema));
            }
            return schema;
        }
        if (schema.getProperties() != null) {
            for (String name : new ArrayList<>(schema.getProperties().keySet())) {
                schema.addProperty(name, visit(schema.getProperties().get(name)));
            }
        }
        if (schema.getItems() != null) {
            schema.setItems(visit(schema.getItems()));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            schema.setAdditionalPropertiesSchema(visit(schema.getAdditionalPropertiesSchema()));
        }
        nullableReference(schema);
        List<Schema> allOf = schema.getAllOf();
        if (allOf != null && allOf.size() == 1) {
            Schema only = allOf.get(0);
            Schema inlined = scalarReferred(only);
            if (inlined != null) {
                schema.setAllOf(null);
                merge(inlined, schema);
            } else if (referred(only) != null && referred(only).getEnumeration() != null) {
                schema.setType(typeKeepingNull(referred(only).getType(), schema));
            }
        }
        return schema;
    }

    /**
     * A nullable reference is {@code anyOf: [$ref, {type: null}]} in the model (3.1's way), which the
     * 3.0 writer makes {@code allOf: [$ref]} with {@code nullable}; to a scalar, the scalar is
     * written in place, null allowed.
     */
    private void nullableReference(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf == null || anyOf.size() != 2) {
            return;
        }
        Schema reference = anyOf.stream().filter(part -> part.getRef() != null).findFirst().orElse(null);
        boolean orNull = anyOf.stream().anyMatch(part -> part.getRef() == null && part.getType() != null
                && part.getType().equals(List.of(Schema.SchemaType.NULL)));
        Schema scalar = reference == null ? null : scalarReferred(reference);
        if (orNull && scalar != null) {
            schema.setAnyOf(null);
            merge(scalar, schema);
        }
    }

    private Schema scalarReferred(Schema schema) {
        String name = nameOf(schema);
        return name == null ? null : scalars.get(name);
    }

    private Schema referred(Schema schema) {
        String name = nameOf(schema);
        return name == null ? null : schemas.get(name);
    }

    private static String nameOf(Schema schema) {
        String ref = schema.getRef();
        return ref != null && ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
    }

    private static boolean isScalar(Schema schema) {
        return schema.getRef() == null && (schema.getProperties() == null || schema.getProperties().isEmpty())
                && schema.getEnumeration() == null && schema.getAllOf() == null && schema.getAnyOf() == null
                && schema.getOneOf() == null && schema.getItems() == null && schema.getType() != null
                && schema.getType().stream().noneMatch(type -> type == Schema.SchemaType.OBJECT
                        || type == Schema.SchemaType.ARRAY);
    }

    /** Puts the scalar's type, format and pattern on {@code into}, keeping what {@code into} says itself. */
    private static void merge(Schema scalar, Schema into) {
        into.setType(typeKeepingNull(scalar.getType(), into));
        set(scalar.getFormat(), into.getFormat(), into::setFormat);
        set(scalar.getPattern(), into.getPattern(), into::setPattern);
    }

    /** {@code type}, and null too when {@code schema} allowed null (nullable). */
    private static List<Schema.SchemaType> typeKeepingNull(List<Schema.SchemaType> type, Schema schema) {
        List<Schema.SchemaType> kept = new ArrayList<>(type);
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)
                && !kept.contains(Schema.SchemaType.NULL)) {
            kept.add(Schema.SchemaType.NULL);
        }
        return kept;
    }

    private static void set(String value, String present, Consumer<String> setter) {
        if (value != null && present == null) {
            setter.accept(value);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
