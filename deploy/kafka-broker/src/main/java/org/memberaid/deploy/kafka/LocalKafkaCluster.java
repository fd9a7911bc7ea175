package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * A local KRaft cluster of {@code nodes} Kafka nodes, each broker and controller, each in a JVM of its
 * own: node {@code n} keeps its data in {@code <dataDir>/node-n} and listens on
 * {@code port + 2(n - 1)} (its controller one above). All nodes share the cluster id (kept in
 * {@code <dataDir>/cluster-id}) and the users' passwords ({@code <dataDir>/credentials}); topics are
 * replicated to 3 nodes (or as many as there are) and a write needs 2 in-sync replicas, so the
 * cluster takes writes with one node down.
 */
public final class LocalKafkaCluster {

    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final BrokerSettings first;
    private final int nodes;
    private final List<LocalKafkaBroker> brokers = new ArrayList<>();

    /**
     * @param first the settings of node 1: its port, and the cluster's data directory, host, heap per
     *              node, topics and startup timeout
     */
    public LocalKafkaCluster(BrokerSettings first, int nodes) {
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("a local cluster has 1 to 9 nodes, not " + nodes);
        }
        this.first = first;
        this.nodes = nodes;
        String clusterId = nodes == 1 ? null : clusterId();
        String voters = IntStream.rangeClosed(1, nodes)
                .mapToObj(n -> n + "@" + first.host() + ":" + (port(n) + 1)).collect(Collectors.joining(","));
        for (int n = 1; n <= nodes; n++) {
            brokers.add(new LocalKafkaBroker(first.withDataDir(first.dataDir().resolve("node-" + n)).withPort(port(n)),
                    new ClusterMember(n, voters, Math.min(3, nodes), clusterId)));
        }
    }

    public int nodes() {
        return nodes;
    }

    public LocalKafkaBroker node(int n) {
        return brokers.get(n - 1);
    }

    public String bootstrapServers() {
        return brokers.stream().map(LocalKafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The passwords of the cluster's users, shared by every node. */
    public BrokerCredentials credentials() {
        return BrokerCredentials.ofDataDir(first.dataDir());
    }

    /**
     * Starts every node that is not running and returns once the cluster answers, the topics exist
     * with their replicas and the services' users have their ACLs.
     */
    public void start() {
        credentials().createMissing(BrokerUsers.ALL);
        List<Process> launched = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            if (node(n).runningPid().isEmpty()) {
                shareCredentials(n);
                launched.add(node(n).launch());
            }
        }
        Instant deadline = Instant.now().plus(first.startupTimeout());
        try (BrokerAdmin admin = new BrokerAdmin(credentials().login(bootstrapServers(), BrokerUsers.ADMIN))) {
            await(launched, deadline, "answer with all " + nodes + " brokers", () -> admin.brokerCount(ADMIN_CALL_TIMEOUT) == nodes);
            await(launched, deadline, "create the topics " + first.topics(),
                    () -> admin.provisionedTopics(first.topics(), node(1).member(), ADMIN_CALL_TIMEOUT));
            await(launched, deadline, "grant the services' ACLs", () -> admin.grantedServiceAcls(ADMIN_CALL_TIMEOUT));
        }
    }

    /** Starts node {@code n} alone (after it was stopped or killed) and returns once the cluster counts it again. */
    public void startNode(int n) {
        shareCredentials(n);
        Process process = node(n).launch();
        Instant deadline = Instant.now().plus(first.startupTimeout());
        try (BrokerAdmin admin = new BrokerAdmin(credentials().login(bootstrapServers(), BrokerUsers.ADMIN))) {
            await(List.of(process), deadline, "count node " + n + " among its brokers",
                    () -> admin.brokerCount(ADMIN_CALL_TIMEOUT) == nodes);
        }
    }

    /** Stops every node; whether any was running. */
    public boolean stop() {
        boolean any = false;
        for (LocalKafkaBroker broker : brokers) {
            any |= broker.stop();
        }
        return any;
    }

    /** The pids of the running nodes, node 1 first (empty for a node not running). */
    public List<OptionalLong> pids() {
        return brokers.stream().map(LocalKafkaBroker::runningPid).toList();
    }

    private int port(int n) {
        return first.port() + 2 * (n - 1);
    }

    private void shareCredentials(int n) {
        Path target = BrokerCredentials.ofDataDir(node(n).settings().dataDir()).directory();
        try {
            Files.createDirectories(target);
            for (String user : BrokerUsers.ALL) {
                Files.copy(credentials().file(user), target.resolve(user), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give node " + n + " the cluster's credentials", e);
        }
    }

    private String clusterId() {
        Path file = first.dataDir().resolve("cluster-id");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(first.dataDir());
                Files.writeString(file, Uuid.randomUuid() + "\n");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    private void await(List<Process> launched, Instant deadline, String what, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            for (Process process : launched) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("A Kafka node exited with code " + process.exitValue()
                            + " during startup; see the broker.log files under " + first.dataDir());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The Kafka cluster did not " + what + " within "
                        + first.startupTimeout() + "; see the broker.log files under " + first.dataDir());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Kafka cluster", e);
            }
        }
    }
}
