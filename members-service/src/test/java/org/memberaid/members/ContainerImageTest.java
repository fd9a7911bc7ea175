package org.memberaid.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The image that Jib builds (deploy/images/README.md) agrees with the service it carries: checked
 * on the configuration the image is built from, in the production profile, without building it.
 */
class ContainerImageTest {

    private static SmallRyeConfig config;

    @BeforeAll
    static void readTheProductionConfiguration() throws IOException {
        config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        ContainerImageTest.class.getResource("/application.properties")))
                .build();
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
    void sizesTheHeapFromTheContainersMemoryLimit() {
        List<String> arguments = config.getValues("quarkus.jib.jvm-additional-arguments", String.class);

        assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:MaxRAMPercentage="));
        assertThat(arguments).noneMatch(argument -> argument.startsWith("-Xmx"));
    }

    @Test
    void isNamedAsTheManifestsExpectAndBuiltOnAJava17Runtime() {
        assertThat(config.getValue("quarkus.container-image.group", String.class)).isEqualTo("memberaid");
        assertThat(config.getOptionalValue("quarkus.container-image.name", String.class))
                .as("the image is named after the application").isEmpty();
        assertThat(config.getValue("quarkus.application.name", String.class)).isEqualTo("members-service");
        assertThat(config.getValue("quarkus.jib.base-jvm-image", String.class)).contains("openjdk-17");
    }

    @Test
    void buildsNoImageOnAPlainPackage() {
        assertThat(config.getOptionalValue("quarkus.container-image.build", Boolean.class)).isEmpty();
        assertThat(config.getOptionalValue("quarkus.container-image.push", Boolean.class)).isEmpty();
    }
}
