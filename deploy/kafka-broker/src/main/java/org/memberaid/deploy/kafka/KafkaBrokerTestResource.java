package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
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
 * {@value #BOOTSTRAP_VARIABLE}, default {@value #DEFAULT_BOOTSTRAP}. A broker already answering there
 * is only used when {@value #CREDENTIALS_VARIABLE} names the directory of its users' passwords (the
 * {@code credentials} directory in its data directory); without them the tests could not log in.
 *
 * <p>The application gets {@code kafka.bootstrap.servers} and, for each service user, its password
 * as {@code memberaid.test-kafka.password.<user>}: a service's {@code %test} profile picks its own,
 * so the service under test runs with exactly its production rights. Test code that plays another
 * service writes as {@link #admin()}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_VARIABLE = "MEMBERAID_TEST_KAFKA_BOOTSTRAP";
    public static final String DEFAULT_BOOTSTRAP = "localhost:19092";
    public static final String CREDENTIALS_VARIABLE = "MEMBERAID_TEST_KAFKA_CREDENTIALS";
    public static final String PASSWORD_PROPERTY_PREFIX = "memberaid.test-kafka.password.";
    /** Relative to the working directory, which is the module directory under Maven. */
    static final Path DATA_DIR = Path.of("target", "kafka-test-broker");

    private static final System.Logger LOG = System.getLogger(KafkaBrokerTestResource.class.getName());

    /*
     * The started broker is recorded in system properties, not in a static field: Quarkus may load
     * this class once for the test resource and once more for the test that calls startedBroker().
     */
    private static final String STARTED_BOOTSTRAP = "org.memberaid.deploy.kafka.test-broker.bootstrap";
    private static final String STARTED_DATA_DIR = "org.memberaid.deploy.kafka.test-broker.data-dir";
    private static final String LOGIN_BOOTSTRAP = "org.memberaid.deploy.kafka.test-broker.login.bootstrap";
    private static final String LOGIN_CREDENTIALS = "org.memberaid.deploy.kafka.test-broker.login.credentials";
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

    /** How test code connects as {@code user} to the broker the tests run against. */
    public static KafkaLogin login(String user) {
        String bootstrap = System.getProperty(LOGIN_BOOTSTRAP);
        String credentials = System.getProperty(LOGIN_CREDENTIALS);
        if (bootstrap == null || credentials == null) {
            throw new IllegalStateException("No test Kafka broker: the test needs "
                    + KafkaBrokerTestResource.class.getSimpleName() + " as a test resource");
        }
        return new BrokerCredentials(Path.of(credentials)).login(bootstrap, user);
    }

    /** The super user: for writing records no service may write, and reading any topic. */
    public static KafkaLogin admin() {
        return login(BrokerUsers.ADMIN);
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
            BrokerCredentials credentials = externalCredentials(bootstrap);
            LOG.log(Level.INFO, "Using the Kafka broker already answering on {0}, with the users'' passwords in {1}",
                    bootstrap, credentials.directory());
            return configuration(bootstrap, credentials);
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
        return configuration(bootstrap, broker.credentials());
    }

    private static Map<String, String> configuration(String bootstrap, BrokerCredentials credentials) {
        System.setProperty(LOGIN_BOOTSTRAP, bootstrap);
        System.setProperty(LOGIN_CREDENTIALS, credentials.directory().toString());
        Map<String, String> configuration = new HashMap<>();
        configuration.put("kafka.bootstrap.servers", bootstrap);
        for (String user : BrokerUsers.SERVICES) {
            configuration.put(PASSWORD_PROPERTY_PREFIX + user, credentials.password(user));
        }
        return configuration;
    }

    private static BrokerCredentials externalCredentials(String bootstrap) {
        String directory = setting(CREDENTIALS_VARIABLE);
        if (directory == null) {
            throw new IllegalStateException("Something already answers on " + bootstrap + ", but "
                    + CREDENTIALS_VARIABLE + " does not name the directory of its Kafka users' passwords"
                    + " (<data dir>/credentials of a broker started by LocalKafkaBroker). Set it, or set "
                    + BOOTSTRAP_VARIABLE + " to a free address for a broker of the tests' own");
        }
        BrokerCredentials credentials = new BrokerCredentials(Path.of(directory));
        if (!credentials.hasAll(BrokerUsers.ALL)) {
            throw new IllegalStateException(CREDENTIALS_VARIABLE + "=" + directory + " lacks a password file of one of "
                    + BrokerUsers.ALL);
        }
        return credentials;
    }

    @Override
    public void stop() {
        System.clearProperty(LOGIN_BOOTSTRAP);
        System.clearProperty(LOGIN_CREDENTIALS);
        if (ownBroker != null) {
            ownBroker.stop();
            System.clearProperty(STARTED_BOOTSTRAP);
            System.clearProperty(STARTED_DATA_DIR);
            ownBroker = null;
        }
    }

    static String configuredBootstrap() {
        String configured = setting(BOOTSTRAP_VARIABLE);
        return configured == null ? DEFAULT_BOOTSTRAP : configured;
    }

    /** A system property, else an environment variable, of that name; null when neither is set. */
    private static String setting(String name) {
        String fromProperty = System.getProperty(name);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.trim();
        }
        String fromEnvironment = System.getenv(name);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        return null;
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
