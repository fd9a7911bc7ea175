package org.memberaid.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsDirectoryTest {

    @TempDir
    Path dataDir;

    private final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void brokerFormatted() throws IOException {
        Path credentials = Files.createDirectories(dataDir.resolve("kafka/credentials"));
        Files.writeString(credentials.resolve("members-service"), "from-the-data-dir\n");
        // as in a service's application.properties
        properties.put("memberaid.kafka.user", "members-service");
        properties.put("%dev.memberaid.kafka.credentials-dir", "${data.dir}/kafka/credentials");
        properties.put("data.dir", dataDir.toString());
    }

    private SmallRyeConfig config(String profile, Map<String, String> environment) {
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new KafkaCredentialsDirectory()).build();
    }

    @Test
    void readsTheServicesPasswordFromTheBrokersDataDirectoryInTheDevProfile() {
        assertThat(config("dev", Map.of()).getValue("memberaid.kafka.password", String.class))
                .isEqualTo("from-the-data-dir");
    }

    @Test
    void leavesItToTheEnvironmentWhenThatSetsItAndInEveryOtherProfile() {
        assertThat(config("dev", Map.of("memberaid.kafka.password", "from-the-environment"))
                .getValue("memberaid.kafka.password", String.class)).isEqualTo("from-the-environment");
        assertThat(config("prod", Map.of()).getOptionalValue("memberaid.kafka.password", String.class)).isEmpty();
    }

    @Test
    void saysWhereItLookedWhenTheBrokerWasNeverStarted() {
        properties.put("data.dir", dataDir.resolve("elsewhere").toString());

        assertThatThrownBy(() -> config("dev", Map.of())).hasMessageContaining("No password of the Kafka user "
                + "members-service in " + dataDir.resolve("elsewhere/kafka/credentials/members-service"))
                .hasMessageContaining("deploy/kafka.sh start");
    }
}
