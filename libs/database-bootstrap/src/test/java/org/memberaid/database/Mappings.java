package org.memberaid.database;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration mappings read from the given properties alone, as the service would read them
 * (durations such as {@code 5s} converted as Quarkus converts them), and the beans that use them.
 */
final class Mappings {

    private Mappings() {
    }

    static <T> T of(Class<T> mapping, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(mapping).withDefaultValues(properties)
                .withConverter(Duration.class, 200, new DurationConverter()).build().getConfigMapping(mapping);
    }

    /** Direct connections as a service with these {@code quarkus.datasource.*} and {@code memberaid.database.*} makes them. */
    static DirectConnections directConnections(Map<String, String> properties) {
        DirectConnections connections = new DirectConnections();
        connections.database = of(DatabaseConfig.class, properties);
        connections.datasource = of(DatasourceConfig.class, properties);
        return connections;
    }
}
