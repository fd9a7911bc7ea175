package org.memberaid.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsSwitchTest {

    private static Optional<Boolean> enabled(Map<String, String> properties) {
        // Quarkus' own default for the switch, as its configuration mapping declares it.
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new CorsSwitch())
                .withDefaultValue(CorsSwitch.ENABLED, "false")
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250)).build();
        return config.getOptionalValue(CorsSwitch.ENABLED, Boolean.class);
    }

    @Test
    void isOffWithoutOrigins() {
        assertThat(enabled(Map.of())).contains(false);
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, "${memberaid.cors.origins:}"))).contains(false);
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, " "))).contains(false);
    }

    @Test
    void isOnAsSoonAsOriginsAreSetEvenThroughAnExpression() {
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, "https://app.example.org"))).contains(true);
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, "${memberaid.cors.origins:}",
                "memberaid.cors.origins", "https://app.example.org"))).contains(true);
    }

    @Test
    void leavesAnExplicitSettingAlone() {
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, "https://app.example.org", CorsSwitch.ENABLED, "false")))
                .contains(false);
    }
}
