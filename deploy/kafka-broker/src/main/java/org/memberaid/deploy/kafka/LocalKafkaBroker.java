package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in a child JVM.
 *
 * <p>The broker outlives the JVM that started it unless {@link #stop()} is called: {@code stop()}
 * finds it through the pid file in the data directory, so it also works from another JVM. The data
 * directory keeps the topics and their records across {@code stop()} and {@code start()}.
 */
public final class LocalKafkaBroker {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(3);

    private final BrokerSettings settings;
    private final ClusterMember member;
    private final BrokerFiles files;
    private Process process;

    public LocalKafkaBroker(BrokerSettings settings) {
        this(settings, ClusterMember.single(settings));
    }

    /** One node of a cluster ({@link LocalKafkaCluster}). */
    LocalKafkaBroker(BrokerSettings settings, ClusterMember member) {
        this.settings = settings;
        this.member = member;
        this.files = new BrokerFiles(settings.dataDir());
    }

    public BrokerSettings settings() {
        return settings;
    }

    ClusterMember member() {
        return member;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public Path brokerLog() {
        return files.brokerLog();
    }

    /** The passwords of the broker's users, in its data directory. */
    public BrokerCredentials credentials() {
        return files.credentials();
    }

    /** How a client connects as {@code user} (one of {@link BrokerUsers#ALL}). */
    public KafkaLogin login(String user) {
        return credentials().login(bootstrapServers(), user);
    }

    /** Whether something accepts TCP connections on the first address of a bootstrap list. */
    public static boolean isReachable(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a host:port bootstrap address: " + bootstrapServers);
        }
        InetSocketAddress address = new InetSocketAddress(first.substring(0, colon),
                Integer.parseInt(first.substring(colon + 1)));
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the broker and returns once it answers, the configured topics exist and the services'
     * users have their ACLs. Formats the storage first, with new users and passwords, if the data
     * directory has never held a broker.
     *
     * @throws IllegalStateException if the broker is already running, a port is taken, or the broker
     *                               does not come up in time (the message then ends with broker.log)
     */
    public synchronized void start() {
        launch();
        try {
            awaitReadyWithTopics(process);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Starts the broker's JVM (formatting its storage first when it never held a broker) and returns
     * at once: a node of a cluster can only answer once a majority of the controllers runs.
     */
    synchronized Process launch() {
        OptionalLong running = runningPid();
        if (running.isPresent()) {
            throw new IllegalStateException("A Kafka broker from " + settings.dataDir()
                    + " is already running (pid " + running.getAsLong() + ")");
        }
        failIfTaken(settings.port());
        failIfTaken(settings.controllerPort());

        BrokerJvm jvm = new BrokerJvm(settings, files);
        BrokerCredentials credentials = files.credentials();
        boolean formatted = files.isFormatted();
        if (!formatted) {
            credentials.createMissing(BrokerUsers.ALL);
        } else if (!credentials.hasAll(BrokerUsers.ALL)) {
            throw new IllegalStateException("The Kafka data in " + settings.dataDir() + " was formatted without the"
                    + " users " + BrokerUsers.ALL + " (passwords expected in " + credentials.directory()
                    + "); delete " + settings.dataDir() + " to start from a new broker with them");
        }
        files.writeConfiguration(settings, member, credentials.password(BrokerUsers.ADMIN));
        files.markStartInLog(settings);
        if (!formatted) {
            jvm.formatStorage(credentials, member.clusterId());
        }
        process = jvm.startBroker();
        files.writePid(process.pid());
        return process;
    }

    /**
     * Stops the broker of this data directory, gracefully if it complies within 30 s.
     *
     * @return whether a running broker was stopped
     */
    public synchronized boolean stop() {
        Optional<ProcessHandle> broker = runningBroker();
        broker.ifPresent(BrokerJvm::terminate);
        files.deletePid();
        process = null;
        return broker.isPresent();
    }

    public synchronized boolean isRunning() {
        return runningBroker().isPresent();
    }

    /** The pid of this data directory's running broker, whichever JVM started it. */
    public synchronized OptionalLong runningPid() {
        return runningBroker().map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
    }

    /** Command line entry point: {@code start|stop|status [--data-dir DIR] [--port N] ...}. */
    public static void main(String[] args) {
        System.exit(new BrokerCommandLine(System.out, System.err).run(args));
    }

    private void failIfTaken(int port) {
        if (isReachable(settings.host() + ":" + port)) {
            throw new IllegalStateException("Port " + port + " on " + settings.host()
                    + " is already in use; cannot start a Kafka broker there");
        }
    }

    private void awaitReadyWithTopics(Process broker) {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        // Created before the broker listens, to load the client while the broker boots. It only
        // connects on its first call: polling the port first spares us its connection warnings.
        try (BrokerAdmin admin = new BrokerAdmin(login(BrokerUsers.ADMIN))) {
            awaitCondition(broker, deadline, "open port " + settings.port(),
                    () -> isReachable(settings.bootstrapServers()));
            awaitCondition(broker, deadline, "answer on " + settings.bootstrapServers(),
                    () -> admin.answers(ADMIN_CALL_TIMEOUT));
            awaitCondition(broker, deadline, "create the topics " + settings.topics(),
                    () -> admin.provisionedTopics(settings.topics(), member, ADMIN_CALL_TIMEOUT));
            awaitCondition(broker, deadline, "grant the services' ACLs", () -> admin.grantedServiceAcls(ADMIN_CALL_TIMEOUT));
        }
    }

    private void awaitCondition(Process broker, Instant deadline, String what, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (!broker.isAlive()) {
                throw files.failureWithLogTail(
                        "The Kafka broker exited with code " + broker.exitValue() + " during startup");
            }
            if (Instant.now().isAfter(deadline)) {
                throw files.failureWithLogTail(
                        "The Kafka broker did not " + what + " within " + settings.startupTimeout());
            }
            pause(POLL_INTERVAL);
        }
    }

    private Optional<ProcessHandle> runningBroker() {
        if (process != null && process.isAlive()) {
            return Optional.of(process.toHandle());
        }
        OptionalLong pid = files.readPid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(this::runsOurServerProperties);
    }

    /** Guards against a stale pid file whose pid now belongs to an unrelated process. */
    private boolean runsOurServerProperties(ProcessHandle handle) {
        return handle.info().commandLine()
                .map(commandLine -> commandLine.contains(files.serverProperties().toString()))
                .orElse(true);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
