package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test a Kafka broker: the one already answering on the configured address, or
 * else a fresh {@link LocalKafkaBroker} on that address, stopped again when the tests are done.
 *
 * <p>The address comes from the system property or environment variable
 * {@value #BOOTSTRAP_VARIABLE}, default {@value #DEFAULT_BOOTSTRAP}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_VARIABLE = "MEMBERAID_TEST_KAFKA_BOOTSTRAP";
    public static final String DEFAULT_BOOTSTRAP = "localhost:19092";
    /** Relative to the working directory, which is the module directory under Maven. */
    static final Path DATA_DIR = Path.of("target", "kafka-test-broker");

    private static final System.Logger LOG = System.getLogger(KafkaBrokerTestResource.class.getName());

    /*
     * The started broker is recorded in system properties, not in a static field: Quarkus may load
     * this class once for the test resource and once more for the test that calls startedBroker().
     */
    private static final String STARTED_BOOTSTRAP = "org.memberaid.deploy.kafka.test-broker.bootstrap";
    private static final String STARTED_DATA_DIR = "org.memberaid.deploy.kafka.test-broker.data-dir";
    private static final AtomicBoolean SHUTDOWN_HOOK_ADDED = new AtomicBoolean();

    private LocalKafkaBroker ownBroker;

    /**
     * The broker started by this resource, for tests that stop and restart it to simulate an outage;
     * empty when the tests run against a broker that was already there.
     */
    public static Optional<LocalKafkaBroker> startedBroker() {
        String bootstrap = System.getProperty(STARTED_BOOTSTRAP);
        String dataDir = System.getProperty(STARTED_DATA_DIR);
        if (bootstrap == null || dataDir == null) {
            return Optional.empty();
        }
        return Optional.of(new LocalKafkaBroker(settingsFor(bootstrap, Path.of(dataDir))));
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = configuredBootstrap();
        LocalKafkaBroker broker = new LocalKafkaBroker(settingsFor(bootstrap, DATA_DIR));
        if (startedBroker().isEmpty()) {
            // A broker left running by an aborted earlier test run would otherwise pass for an
            // external one and serve stale data. Its pid file is in the same data directory.
            broker.stop();
        }
        if (LocalKafkaBroker.isReachable(bootstrap)) {
            LOG.log(Level.INFO, "Using the Kafka broker already answering on {0}", bootstrap);
            return Map.of("kafka.bootstrap.servers", bootstrap);
        }
        deleteRecursively(DATA_DIR);
        long startedAt = System.nanoTime();
        broker.start();
        ownBroker = broker;
        System.setProperty(STARTED_BOOTSTRAP, bootstrap);
        System.setProperty(STARTED_DATA_DIR, broker.settings().dataDir().toString());
        stopOnJvmExit(broker);
        LOG.log(Level.INFO, "Started a Kafka broker on {0} in {1} ms (log: {2})", bootstrap,
                String.valueOf((System.nanoTime() - startedAt) / 1_000_000), broker.brokerLog());
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        if (ownBroker != null) {
            ownBroker.stop();
            System.clearProperty(STARTED_BOOTSTRAP);
            System.clearProperty(STARTED_DATA_DIR);
            ownBroker = null;
        }
    }

    static String configuredBootstrap() {
        String fromProperty = System.getProperty(BOOTSTRAP_VARIABLE);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.trim();
        }
        String fromEnvironment = System.getenv(BOOTSTRAP_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        return DEFAULT_BOOTSTRAP;
    }

    private static BrokerSettings settingsFor(String bootstrap, Path dataDir) {
        String first = bootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(BOOTSTRAP_VARIABLE + " is not host:port: " + bootstrap);
        }
        return BrokerSettings.of(Integer.parseInt(first.substring(colon + 1)), dataDir)
                .withHost(first.substring(0, colon));
    }

    /**
     * Covers test runs that end without {@link #stop()}: failed Quarkus startup, Ctrl-C. Stopping
     * goes through the pid file, so the first broker object also stops any later (re)start.
     */
    private static void stopOnJvmExit(LocalKafkaBroker broker) {
        if (SHUTDOWN_HOOK_ADDED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-test-kafka-broker"));
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the old test broker data in " + directory, e);
        }
    }
}
