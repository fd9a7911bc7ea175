package org.memberaid.deploy.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link LocalKafkaBroker} listens on, where it keeps its data and which topics it provisions.
 *
 * @param host           host the client listener binds to and advertises
 * @param port           client (PLAINTEXT) port; the KRaft controller listens on {@code port + 1}
 * @param dataDir        directory holding the Kafka log dir, server.properties, broker.log and broker.pid
 * @param maxHeap        maximum heap of the broker JVM, in {@code -Xmx} syntax (e.g. {@code 768m})
 * @param topics         topics created at start when missing
 * @param startupTimeout how long {@link LocalKafkaBroker#start()} waits for the broker to answer
 */
public record BrokerSettings(String host, int port, Path dataDir, String maxHeap, List<String> topics,
                             Duration startupTimeout) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 9092;
    public static final String DEFAULT_MAX_HEAP = "768m";
    public static final List<String> DEFAULT_TOPICS = List.of("members.events", "members.payees", "relief.events");
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** Partitions of the provisioned topics, and of any topic created without an explicit count. */
    public static final int TOPIC_PARTITIONS = 6;

    public BrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(maxHeap, "maxHeap");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (port < 1 || port > 65534) {
            throw new IllegalArgumentException("port must leave room for the controller port (port + 1): " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        topics = List.copyOf(topics);
    }

    /** Settings with every default except the port and the data directory. */
    public static BrokerSettings of(int port, Path dataDir) {
        return new BrokerSettings(DEFAULT_HOST, port, dataDir, DEFAULT_MAX_HEAP, DEFAULT_TOPICS,
                DEFAULT_STARTUP_TIMEOUT);
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(host, newPort, dataDir, maxHeap, topics, startupTimeout);
    }

    public BrokerSettings withDataDir(Path newDataDir) {
        return new BrokerSettings(host, port, newDataDir, maxHeap, topics, startupTimeout);
    }

    public BrokerSettings withHost(String newHost) {
        return new BrokerSettings(newHost, port, dataDir, maxHeap, topics, startupTimeout);
    }

    public BrokerSettings withMaxHeap(String newMaxHeap) {
        return new BrokerSettings(host, port, dataDir, newMaxHeap, topics, startupTimeout);
    }

    public BrokerSettings withTopics(List<String> newTopics) {
        return new BrokerSettings(host, port, dataDir, maxHeap, newTopics, startupTimeout);
    }

    public BrokerSettings withStartupTimeout(Duration newStartupTimeout) {
        return new BrokerSettings(host, port, dataDir, maxHeap, topics, newStartupTimeout);
    }

    public int controllerPort() {
        return port + 1;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }
}
