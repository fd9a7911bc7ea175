package org.memberaid.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Deployments run the images as the services are configured to run (application.properties, prod
 * profile): the same ports, the health checks where the management interface answers them, and an
 * environment the service reads, with every variable its prod profile requires.
 */
class ServiceConfigurationTest {

    /** Read by the JVM or the C library, not by Quarkus. */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

    @TestFactory
    Stream<DynamicTest> containersExposeTheServicesPorts() {
        return eachDeployment((overlay, service, deployment) -> {
            ServiceConfiguration configuration = new ServiceConfiguration(service);
            JsonNode container = Manifests.container(deployment);

            assertThat(configuration.prod("quarkus.management.enabled", "false")).isEqualTo("true");
            assertThat(containerPort(container, "http")).isEqualTo(configuration.port("quarkus.http.port"));
            assertThat(containerPort(container, "management")).isEqualTo(configuration.port("quarkus.management.port"));
            JsonNode servicePorts = Manifests.named(overlay, "Service", service).path("spec").path("ports");
            assertThat(servicePorts.findValuesAsText("targetPort")).containsExactlyInAnyOrder("http", "management");
        });
    }

    @TestFactory
    Stream<DynamicTest> probesAskTheHealthChecksOnTheManagementPort() {
        return eachDeployment((overlay, service, deployment) -> {
            ServiceConfiguration configuration = new ServiceConfiguration(service);
            JsonNode container = Manifests.container(deployment);

            assertProbe(container, "startupProbe", configuration.healthPath("startup", "started"));
            assertProbe(container, "livenessProbe", configuration.healthPath("liveness", "live"));
            assertProbe(container, "readinessProbe", configuration.healthPath("readiness", "ready"));
        });
    }

    @TestFactory
    Stream<DynamicTest> environmentIsWhatTheServiceReadsAndAllItRequires() {
        return eachDeployment((overlay, service, deployment) -> {
            ServiceConfiguration configuration = new ServiceConfiguration(service);
            Set<String> variables = environment(overlay, Manifests.container(deployment));

            List<String> unread = variables.stream()
                    .filter(variable -> !RUNTIME_VARIABLES.contains(variable) && !configuration.reads(variable))
                    .sorted().toList();
            assertThat(unread).as("variables %s does not read", service).isEmpty();
            assertThat(variables).as("what %s's prod profile requires", service)
                    .containsAll(configuration.requiredFromEnvironment());
        });
    }

    /**
     * The Deployment sizes the heap from the memory limit with JAVA_TOOL_OPTIONS, which the JVM reads
     * before its command line: a heap option in the image's JVM arguments (Jib) would win over it, and
     * a heap sized for another limit gets the pod OOM-killed. The image's user is the pod's.
     */
    @TestFactory
    Stream<DynamicTest> imageLeavesTheHeapToTheDeploymentAndRunsAsItsUser() {
        return eachDeployment((overlay, service, deployment) -> {
            ServiceConfiguration configuration = new ServiceConfiguration(service);
            String jvmArguments = configuration.prod("quarkus.jib.jvm-arguments", "") + " "
                    + configuration.prod("quarkus.jib.jvm-additional-arguments", "");
            JsonNode pod = deployment.path("spec").path("template").path("spec");

            assertThat(jvmArguments).as("%s's image JVM arguments", service)
                    .doesNotContain("MaxRAMPercentage", "InitialRAMPercentage", "MaxRAMFraction", "-Xmx", "-Xms");
            assertThat(configuration.prod("quarkus.jib.user", pod.path("securityContext").path("runAsUser").asText()))
                    .as("%s's image user", service)
                    .isEqualTo(pod.path("securityContext").path("runAsUser").asText());
        });
    }

    @Test
    void readsTheVariablesOfTheServicesConfigurationOnly() {
        ServiceConfiguration members = new ServiceConfiguration("members-service");

        assertThat(members.reads("QUARKUS_DATASOURCE_JDBC_URL")).as("a property of the file").isTrue();
        assertThat(members.reads("MEMBERAID_OIDC_ISSUER")).as("a name a value refers to").isTrue();
        assertThat(members.reads("QUARKUS_DATASOURCE_PASSWORD")).as("documented in the file").isTrue();
        assertThat(members.reads("MEMBERAID_KAFKA_PASWORD")).isFalse();
        assertThat(members.reads("KAFKA_BOOTSTRAP_SERVER")).isFalse();
    }

    @Test
    void knowsWhatTheProdProfileCannotStartWithout() {
        assertThat(new ServiceConfiguration("members-service").requiredFromEnvironment())
                .containsExactlyInAnyOrder("MEMBERAID_OIDC_ISSUER", "MEMBERAID_KAFKA_PASSWORD", "QUARKUS_DATASOURCE_PASSWORD");
    }

    private static void assertProbe(JsonNode container, String probe, String path) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asText()).as(probe).isEqualTo(path);
        assertThat(httpGet.path("port").asText()).as(probe).isEqualTo("management");
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("No container port named " + name);
    }

    /** The names of env and of the keys of every ConfigMap in envFrom. */
    private static Set<String> environment(String overlay, JsonNode container) {
        Set<String> names = new HashSet<>();
        container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            assertThat(source.has("secretRef")).as("whole Secrets in envFrom: name each variable instead").isFalse();
            JsonNode data = Manifests.configMap(overlay, configMap)
                    .orElseThrow(() -> new AssertionError("No ConfigMap " + configMap + " in " + overlay))
                    .path("data");
            data.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private interface DeploymentCheck {
        void check(String overlay, String service, JsonNode deployment);
    }

    private static Stream<DynamicTest> eachDeployment(DeploymentCheck check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String overlay : Manifests.OVERLAYS) {
            for (String service : Manifests.SERVICES) {
                tests.add(DynamicTest.dynamicTest(overlay + ": " + service, () ->
                        check.check(overlay, service, Manifests.named(overlay, "Deployment", service))));
            }
        }
        return tests.stream();
    }
}
