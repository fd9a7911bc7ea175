package org.memberaid.deploy.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How a client reaches the broker and who it is: the bootstrap address and one of the broker's
 * SCRAM users. {@link #clientConfig()} is what any Kafka client (producer, consumer, admin) needs.
 */
public record KafkaLogin(String bootstrapServers, String user, String password) {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";

    public KafkaLogin {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** A mutable map, so callers can add their own client settings. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL);
        config.put(SaslConfigs.SASL_MECHANISM, SASL_MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig("org.apache.kafka.common.security.scram.ScramLoginModule",
                user, password));
        return config;
    }

    /** Passwords are generated from letters and digits only, so they need no quoting here. */
    static String jaasConfig(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "KafkaLogin[" + user + "@" + bootstrapServers + "]";
    }
}
