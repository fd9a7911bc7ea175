package org.memberaid.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.memberaid.deploy.kafka.BrokerSettings;
import org.memberaid.deploy.kafka.BrokerUsers;

/**
 * The engines' custom resources agree with what the project runs locally and with what the services
 * are given: deploy/kafka-broker's topics and ACLs, deploy/keycloak's realm, and Secrets, Services and
 * databases that the operators create under the names the Deployments use.
 */
class EnginesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void topicsAreTheBrokerModulesWithThreeCopiesTwoInSync(String overlay) {
        List<JsonNode> topics = Manifests.ofKind(overlay, "KafkaTopic").toList();

        assertThat(topics).extracting(topic -> topic.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(BrokerSettings.DEFAULT_TOPICS);
        assertThat(topics).allSatisfy(topic -> {
            JsonNode spec = topic.path("spec");
            assertThat(spec.path("partitions").asInt()).isEqualTo(BrokerSettings.TOPIC_PARTITIONS);
            assertThat(spec.path("replicas").asInt()).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
            // As BrokerAdmin creates them: consumers rebuild their state from the topics.
            assertThat(spec.path("config").path("retention.ms").asText()).isEqualTo("-1");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaUsersGrantExactlyTheBrokerModulesAcls(String overlay) {
        Set<String> granted = new HashSet<>();
        Manifests.ofKind(overlay, "KafkaUser").forEach(user -> {
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                assertThat(acl.path("host").asText("*")).isEqualTo("*");
                JsonNode resource = acl.path("resource");
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(String.join(" ", "User:" + Manifests.name(user),
                            resource.path("type").asText().toUpperCase(Locale.ROOT),
                            resource.path("name").asText(),
                            resource.path("patternType").asText("literal").equals("prefix") ? "PREFIXED" : "LITERAL",
                            operation.asText().toUpperCase(Locale.ROOT)));
                }
            }
        });

        Set<String> expected = BrokerUsers.serviceAcls().stream().map(EnginesTest::describe).collect(Collectors.toSet());
        assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Manifests.ofKind(overlay, "KafkaUser").map(Manifests::name))
                .containsExactlyInAnyOrderElementsOf(BrokerUsers.SERVICES);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaRunsInKraftWithThreeBrokersAndScram(String overlay) {
        JsonNode kafka = Manifests.named(overlay, "Kafka", "memberaid").path("spec").path("kafka");
        List<JsonNode> pools = Manifests.ofKind(overlay, "KafkaNodePool").toList();

        assertThat(pools.stream().filter(pool -> roles(pool).contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum()).isEqualTo(3);
        assertThat(pools.stream().filter(pool -> roles(pool).contains("controller"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum()).isEqualTo(3);
        assertThat(kafka.path("listeners")).allSatisfy(listener ->
                assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512"));
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
    }

    @Test
    void productionRunsThreePostgresInstancesPerDatabase() {
        assertThat(Manifests.ofKind("production", "Cluster"))
                .allSatisfy(cluster -> assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesAreGivenTheDatabasesSecretsAndKafkaTheOperatorsCreate(String overlay) {
        for (String service : Manifests.SERVICES) {
            JsonNode container = Manifests.container(Manifests.named(overlay, "Deployment", service));
            String jdbcUrl = configValue(overlay, container, "QUARKUS_DATASOURCE_JDBC_URL");
            Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)(\\?.*)?").matcher(jdbcUrl);
            assertThat(url.matches()).as(jdbcUrl).isTrue();
            JsonNode cluster = Manifests.named(overlay, "Cluster", url.group(1));

            assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo(url.group(2));
            assertThat(secretOf(container, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(url.group(1) + "-app");
            assertThat(secretOf(container, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(url.group(1) + "-app");
            assertThat(secretOf(container, "MEMBERAID_KAFKA_PASSWORD")).isEqualTo(service);
            assertThat(Manifests.named(overlay, "KafkaUser", service)).isNotNull();
            JsonNode listener = Manifests.named(overlay, "Kafka", "memberaid").path("spec").path("kafka").path("listeners").path(0);
            assertThat(configValue(overlay, container, "KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo("memberaid-kafka-bootstrap:" + listener.path("port").asInt());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodTheAutoscalerMayStartGetsItsConnectionsFromPostgres(String overlay) {
        for (String service : Manifests.SERVICES) {
            JsonNode container = Manifests.container(Manifests.named(overlay, "Deployment", service));
            String cluster = secretOf(container, "QUARKUS_DATASOURCE_PASSWORD").replaceFirst("-app$", "");
            int pool = Integer.parseInt(configValue(overlay, container, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
            int pods = Manifests.named(overlay, "HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt();
            int maxConnections = Manifests.named(overlay, "Cluster", cluster)
                    .path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100);

            // PostgreSQL keeps 3 for superusers; the operator and replication need a few more.
            assertThat(pods * pool + 10).as(service + ": pods x pool + reserve").isLessThanOrEqualTo(maxConnections);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretValueIsInTheManifestsButTheLocalPlaceholder(String overlay) {
        List<JsonNode> secrets = Manifests.ofKind(overlay, "Secret").toList();

        if (overlay.equals("local")) {
            assertThat(secrets).singleElement().extracting(Manifests::name).isEqualTo("memberaid-keycloak-scripts");
        } else {
            assertThat(secrets).isEmpty();
        }
    }

    @Test
    void realmImportIsTheRealmOfDeployKeycloak() throws IOException {
        JsonNode realm = Manifests.YAML.readTree(Files.readString(Manifests.ROOT.resolve("deploy/keycloak/memberaid-realm.json")));
        JsonNode realmImport = Manifests.named("local", "KeycloakRealmImport", "memberaid").path("spec");

        assertThat(realmImport.path("realm"))
                .as("base/keycloak/realm-import.yaml is out of date: run deploy/kubernetes/generate-realm-import.sh")
                .isEqualTo(realm);
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(realm.toString());
        List<String> names = new ArrayList<>();
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(realmImport.path("placeholders").has(name)).as(name).isTrue());
    }

    @Test
    void productionsRealmPatchReplacesTheWebClientsAddresses() {
        JsonNode client = Manifests.named("production", "KeycloakRealmImport", "memberaid").path("spec").path("realm").path("clients").path(0);

        assertThat(client.path("clientId").asText()).isEqualTo("memberaid-web");
        assertThat(client.path("redirectUris").toString()).doesNotContain("localhost");
    }

    private static List<String> roles(JsonNode pool) {
        List<String> roles = new ArrayList<>();
        pool.path("spec").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static String describe(AclBinding acl) {
        return String.join(" ", acl.entry().principal(), acl.pattern().resourceType().name(), acl.pattern().name(),
                acl.pattern().patternType() == PatternType.PREFIXED ? "PREFIXED" : "LITERAL", acl.entry().operation().name());
    }

    private static String configValue(String overlay, JsonNode container, String key) {
        for (JsonNode source : container.path("envFrom")) {
            JsonNode data = Manifests.configMap(overlay, source.path("configMapRef").path("name").asText())
                    .orElseThrow().path("data");
            if (data.has(key)) {
                return data.path(key).asText();
            }
        }
        throw new AssertionError("No ConfigMap of the container sets " + key);
    }

    private static String secretOf(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return env.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        throw new AssertionError("The container has no " + variable);
    }
}
