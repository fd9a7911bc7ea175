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
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new CorsSwitch())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getOptionalValue(CorsSwitch.ENABLED, Boolean.class);
    }

    @Test
    void isOffWithoutOrigins() {
        assertThat(enabled(Map.of())).isEmpty();
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, "${memberaid.cors.origins:}"))).isEmpty();
        assertThat(enabled(Map.of(CorsSwitch.ORIGINS, " "))).isEmpty();
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
