package org.memberaid.contract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image that Jib builds (deploy/images/README.md) agrees with the service it carries: checked
 * on the configuration the image is built from, in the production profile, without building it.
 * A service's test extends it with its application name.
 */
public abstract class ContainerImageContract {

    private final String applicationName;
    private final SmallRyeConfig config;

    /** @param applicationName the service's {@code quarkus.application.name}, which names its image */
    protected ContainerImageContract(String applicationName) {
        this.applicationName = applicationName;
        try {
            this.config = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(getClass().getResource("/application.properties")))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void exposesTheHttpAndManagementPortsTheServiceListensOn() {
        assertThat(config.getValue("quarkus.management.enabled", Boolean.class)).isTrue();

        assertThat(config.getValues("quarkus.jib.ports", Integer.class)).containsExactly(
                config.getValue("quarkus.http.port", Integer.class),
                config.getValue("quarkus.management.port", Integer.class));
    }

    @Test
    void runsAsAnUnprivilegedUser() {
        String user = config.getValue("quarkus.jib.user", String.class);

        assertThat(user).as("a numeric uid, so that Kubernetes can check runAsNonRoot").containsOnlyDigits();
        assertThat(Integer.parseInt(user)).isPositive();
    }

    @Test
    void sizesTheHeapFromTheContainersMemoryLimitAndLetsTheDeploymentChangeIt() {
        // In the image's environment, not on its command line, where it would beat the
        // JAVA_TOOL_OPTIONS a Deployment sets (deploy/kubernetes).
        assertThat(config.getValue("quarkus.jib.environment-variables.\"JAVA_TOOL_OPTIONS\"", String.class))
                .startsWith("-XX:MaxRAMPercentage=");
        assertThat(config.getOptionalValues("quarkus.jib.jvm-additional-arguments", String.class).orElse(List.of()))
                .noneMatch(argument -> argument.contains("RAMPercentage") || argument.startsWith("-Xm"));
    }

    @Test
    void isNamedAsTheManifestsExpectAndBuiltOnAJava17Runtime() {
        assertThat(config.getValue("quarkus.container-image.group", String.class)).isEqualTo("memberaid");
        assertThat(config.getOptionalValue("quarkus.container-image.name", String.class))
                .as("the image is named after the application").isEmpty();
        assertThat(config.getValue("quarkus.application.name", String.class)).isEqualTo(applicationName);
        assertThat(config.getValue("quarkus.jib.base-jvm-image", String.class)).contains("openjdk-17");
    }

    @Test
    void buildsNoImageOnAPlainPackage() {
        assertThat(config.getOptionalValue("quarkus.container-image.build", Boolean.class)).isEmpty();
        assertThat(config.getOptionalValue("quarkus.container-image.push", Boolean.class)).isEmpty();
    }
}
