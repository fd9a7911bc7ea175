package org.memberaid.events.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's Kafka settings beyond the {@code kafka.*} client properties. The password of the
 * service's Kafka user, which {@code kafka.sasl.jaas.config} names as {@code ${memberaid.kafka.password}},
 * is required here so that a service started without MEMBERAID_KAFKA_PASSWORD stops at once and
 * says so, instead of failing later inside a Kafka client on an empty login.
 */
@ConfigMapping(prefix = "memberaid.kafka")
public interface KafkaLoginConfig {

    /** The service's Kafka user, which {@code kafka.sasl.jaas.config} names. */
    String user();

    /**
     * From the environment (MEMBERAID_KAFKA_PASSWORD); never in a file of the repository. In dev mode,
     * when the environment has none, from the local broker's data directory ({@link KafkaCredentialsDirectory}).
     */
    String password();

    /** Where dev mode reads the password from ({@link KafkaCredentialsDirectory}); unset elsewhere. */
    Optional<String> credentialsDir();

    /** How often readiness asks the cluster whether it answers. */
    @WithDefault("5s")
    Duration checkInterval();
}
