package org.memberaid.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every object each overlay renders is one the cluster would take as written, field for field. */
class ManifestSchemasTest {

    private static final CustomResourceSchemas CUSTOM_RESOURCES = new CustomResourceSchemas(Manifests.HERE.resolve("crds"));
    private static final BuiltInKinds BUILT_IN = new BuiltInKinds();

    @Test
    void readsTheVendoredDefinitionsOfTheOperatorsKinds() {
        // Strimzi: Kafka, KafkaNodePool, KafkaTopic, KafkaUser; CloudNativePG: Cluster; Keycloak: Keycloak, KeycloakRealmImport.
        assertThat(CUSTOM_RESOURCES.size()).isEqualTo(7);
    }

    @TestFactory
    Stream<DynamicTest> everyRenderedObjectIsValidAgainstItsSchema() {
        return Manifests.OVERLAYS.stream().flatMap(overlay -> Manifests.of(overlay).stream()
                .map(object -> DynamicTest.dynamicTest(overlay + ": " + Manifests.describe(object),
                        () -> assertThat(errors(object)).as(overlay + ": " + Manifests.describe(object)).isEmpty())));
    }

    @Test
    void refusesAFieldNeitherKubernetesNorTheOperatorKnows() {
        JsonNode deployment = Manifests.named("local", "Deployment", "members-service").deepCopy();
        ((ObjectNode) Manifests.container(deployment)).put("imagePullPolice", "Always");
        JsonNode kafka = Manifests.named("local", "Kafka", "memberaid").deepCopy();
        ((ObjectNode) kafka.path("spec").path("kafka")).put("replicas", 3);
        JsonNode topic = Manifests.named("local", "KafkaTopic", "members-events").deepCopy();
        ((ObjectNode) topic.path("spec")).put("partitions", "six");

        assertThat(errors(deployment)).singleElement().asString().contains("imagePullPolice");
        assertThat(errors(kafka)).singleElement().asString().contains("replicas");
        assertThat(errors(topic)).singleElement().asString().contains("partitions");
    }

    private static List<String> errors(JsonNode object) {
        List<String> errors = new ArrayList<>(BUILT_IN.validateMetadata(object));
        errors.addAll(BUILT_IN.validate(object)
                .or(() -> CUSTOM_RESOURCES.validate(object))
                .orElse(List.of("no schema for " + object.path("apiVersion").asText() + " "
                        + object.path("kind").asText() + ": neither a Kubernetes kind of BuiltInKinds nor a vendored CRD's")));
        return errors;
    }
}
