package org.memberaid.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The openAPIV3Schema of every served version of the operators' CRDs vendored in crds/, by apiVersion
 * and kind, validated with networknt's json-schema-validator in its OpenAPI 3.0 dialect (the dialect of
 * CRD schemas). The API server prunes fields a CRD does not declare, silently; here an undeclared field
 * is an error, as kubectl's strict field validation would make it: each object schema that lists its
 * properties, and neither sets additionalProperties nor x-kubernetes-preserve-unknown-fields, gets
 * additionalProperties: false.
 */
final class CustomResourceSchemas {

    private final Map<String, Schema> schemas = new HashMap<>();

    CustomResourceSchemas(Path crdDirectory) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
        try (Stream<Path> files = Files.walk(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                JsonNode crd = Manifests.YAML.readTree(file.toFile());
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        declareTypeAndMetadata(schema);
                        closeObjects(schema);
                        schemas.put(key(group + "/" + version.path("name").asText(), kind), registry.getSchema(schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of the object against its CRD, or empty when no vendored CRD defines its kind. */
    Optional<List<String>> validate(JsonNode object) {
        Schema schema = schemas.get(key(object.path("apiVersion").asText(), object.path("kind").asText()));
        if (schema == null) {
            return Optional.empty();
        }
        return Optional.of(schema.validate(object).stream().map(Error::toString).toList());
    }

    int size() {
        return schemas.size();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /**
     * Every object has apiVersion, kind and metadata, which some generated CRDs (the Keycloak
     * operator's) leave out of their schema; the metadata is checked against ObjectMeta elsewhere.
     */
    private static void declareTypeAndMetadata(ObjectNode schema) {
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object");
    }

    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(CustomResourceSchemas::closeObjects);
        closeObjects(node.path("items"));
        closeObjects(node.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(CustomResourceSchemas::closeObjects);
        }
        closeObjects(node.path("not"));
    }
}
