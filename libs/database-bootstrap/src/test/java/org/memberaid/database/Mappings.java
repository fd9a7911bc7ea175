package org.memberaid.database;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * A configuration mapping read from the given properties alone, as the service would read them
 * (durations such as {@code 5s} converted as Quarkus converts them).
 */
final class Mappings {

    private Mappings() {
    }

    static <T> T of(Class<T> mapping, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(mapping).withDefaultValues(properties)
                .withConverter(Duration.class, 200, new DurationConverter()).build().getConfigMapping(mapping);
    }
}
