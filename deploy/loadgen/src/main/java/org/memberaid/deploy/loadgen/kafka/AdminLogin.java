package org.memberaid.deploy.loadgen.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker's admin user, which the scenarios that talk to Kafka itself log in as: the backlog writes
 * events straight to both topics, which no service's user may do. Its password is the file
 * {@code kafka/credentials/admin} in the run scripts' data directory (MEMBERAID_DATA_DIR, passed by
 * deploy/loadgen.sh), where the broker launcher keeps it.
 */
public final class AdminLogin {

    private static final String DATA_DIR_PROPERTY = "loadgen.data-dir";

    private AdminLogin() {
    }

    /** Bootstrap address and SASL settings for a producer or admin client; fails when the password is not there. */
    public static Properties clientConfig(String bootstrapServers) {
        Path file = Path.of(System.getProperty(DATA_DIR_PROPERTY, "deploy/.data"), "kafka", "credentials", "admin");
        String password;
        try {
            password = Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Kafka admin password from " + file
                    + " (written when deploy/kafka.sh first starts the broker): " + e.getMessage(), e);
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"admin\" password=\"" + password + "\";");
        return config;
    }
}
