package org.memberaid.relief.events;

import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.memberaid.deploy.kafka.BrokerSettings;

/** What the consumer tests read back from relief's database, and keys that land on one partition. */
final class ConsumerProbes {

    private ConsumerProbes() {
    }

    /** The reason the inbox dead-lettered the event keyed {@code key}, if it did. */
    static Optional<String> deadLetterReason(AgroalDataSource dataSource, UUID key) throws SQLException {
        return value(dataSource, String.class, "SELECT reason FROM dead_letter_event WHERE message_key = ?",
                key.toString());
    }

    /** The first column of the first row {@code sql} finds with these parameters; empty when it finds none. */
    static <T> Optional<T> value(AgroalDataSource dataSource, Class<T> type, String sql, Object... parameters)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getObject(1, type)) : Optional.empty();
            }
        }
    }

    /** A new key that Kafka's default partitioner puts on the same partition as {@code key}. */
    static UUID keyOnThePartitionOf(UUID key) {
        UUID other;
        do {
            other = UUID.randomUUID();
        } while (partition(other) != partition(key));
        return other;
    }

    private static int partition(UUID key) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8)))
                % BrokerSettings.TOPIC_PARTITIONS;
    }
}
