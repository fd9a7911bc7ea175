package org.memberaid.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schemas only answers use: the services write every member of them, null ones included
 * (Jackson's default inclusion), so every member is required and a generated client reads none as
 * optional. A schema that says which members it requires (as Problem, whose absent members are
 * left out) or that a request body uses (whose members a client may omit) is left as annotated.
 */
final class AnswerSchemas {

    private static final String SCHEMAS = "#/components/schemas/";

    private AnswerSchemas() {
    }

    static void requireEveryMember(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> sent = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    for (MediaType type : operation.getRequestBody().getContent().getMediaTypes().values()) {
                        collect(type.getSchema(), schemas, sent);
                    }
                }
            }
        }
        schemas.forEach((name, schema) -> {
            if (!sent.contains(name) && SharedContract.isObject(schema)
                    && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
    }

    /** Adds the names of the component schemas {@code schema} uses, directly or through others. */
    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        parts.add(schema.getItems());
        parts.add(schema.getAdditionalPropertiesSchema());
        for (List<Schema> combined : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                nonNull(schema.getOneOf()))) {
            parts.addAll(combined);
        }
        parts.forEach(part -> collect(part, schemas, names));
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
