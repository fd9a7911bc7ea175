package org.memberaid.events.kafka;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads the password of the service's Kafka user from the local broker's data directory, where
 * {@code deploy/kafka.sh} (and {@code deploy/run.sh}) wrote it when the broker was formatted:
 * {@code <memberaid.kafka.credentials-dir>/<memberaid.kafka.user>}. Only where
 * {@code memberaid.kafka.credentials-dir} is set, which the dev profile does, so that
 * {@code ./mvnw quarkus:dev} logs into the broker the scripts started without anyone copying a
 * password into the environment. {@code MEMBERAID_KAFKA_PASSWORD}, when set, still wins, and
 * production never reads a file: the password comes from its environment only.
 */
public class KafkaCredentialsDirectory implements ConfigSourceFactory {

    static final String DIRECTORY = "memberaid.kafka.credentials-dir";
    static final String USER = "memberaid.kafka.user";
    static final String PASSWORD = "memberaid.kafka.password";
    /** Below the environment (300), above application.properties (250). */
    static final int ORDINAL = 270;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String directory = value(context, DIRECTORY);
        String user = value(context, USER);
        if (directory == null || user == null || value(context, PASSWORD) != null) {
            return List.of();
        }
        Path file = Path.of(directory, user).toAbsolutePath().normalize();
        try {
            return List.of(new PropertiesConfigSource(Map.of(PASSWORD, Files.readString(file).strip()),
                    "Kafka credentials " + file, ORDINAL));
        } catch (IOException e) {
            throw new IllegalStateException("No password of the Kafka user " + user + " in " + file
                    + ": start the local broker first (deploy/kafka.sh start, or deploy/run.sh) with the same "
                    + "MEMBERAID_DATA_DIR, or set MEMBERAID_KAFKA_PASSWORD (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A setting, for the active profile if one names it. */
    private static String value(ConfigSourceContext context, String name) {
        for (String profile : context.getProfiles()) {
            String profiled = valueOf(context.getValue("%" + profile + "." + name));
            if (profiled != null) {
                return profiled;
            }
        }
        return valueOf(context.getValue(name));
    }

    private static String valueOf(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
