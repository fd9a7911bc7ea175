package org.memberaid.deploy.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code start|stop|status} for the local run scripts. Exit codes: 0 success (for {@code status}:
 * running), 1 failure, 2 usage error, 3 {@code status}: not running.
 */
final class BrokerCommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;

    private static final String USAGE_TEXT = "Usage: LocalKafkaBroker start|stop|status"
            + " [--data-dir DIR (default deploy/.data/kafka)] [--port N (default 9092)]"
            + " [--host HOST (default localhost)] [--heap SIZE (default 768m)]"
            + " [--nodes N (default 1: a single broker; more: a cluster, node n in DIR/node-n on port + 2(n-1))]"
            + " [--node K (start: only node K of the cluster)]";

    /** What the command line asks for: the broker's (or the cluster's node 1's) settings, the nodes, one node. */
    private record Options(BrokerSettings settings, int nodes, int node) {
    }

    private final PrintStream out;
    private final PrintStream err;

    BrokerCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Deque<String> remaining = new ArrayDeque<>(Arrays.asList(args));
        if (remaining.isEmpty()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String command = remaining.removeFirst();
        Options options;
        try {
            options = parseOptions(remaining);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options.nodes() > 1) {
            try {
                return cluster(command, new LocalKafkaCluster(options.settings(), options.nodes()), options.node());
            } catch (RuntimeException e) {
                err.println("Kafka cluster " + command + " failed: " + e.getMessage());
                return FAILED;
            }
        }
        BrokerSettings settings = options.settings();
        LocalKafkaBroker broker = new LocalKafkaBroker(settings);
        try {
            switch (command) {
                case "start":
                    return start(broker);
                case "stop":
                    return stop(broker);
                case "status":
                    return status(broker);
                default:
                    err.println("Unknown command: " + command);
                    err.println(USAGE_TEXT);
                    return USAGE;
            }
        } catch (RuntimeException e) {
            err.println("Kafka broker " + command + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int start(LocalKafkaBroker broker) {
        String address = broker.bootstrapServers();
        if (LocalKafkaBroker.isReachable(address)) {
            out.println("Something already answers on " + address + "; not starting another Kafka broker");
            return OK;
        }
        long startedAt = System.nanoTime();
        broker.start();
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        out.printf(Locale.ROOT, "Kafka broker ready on %s in %.1f s (pid %d, log %s)%n",
                address, seconds, broker.runningPid().orElse(-1), broker.brokerLog());
        printCredentials(broker);
        return OK;
    }

    private int stop(LocalKafkaBroker broker) {
        OptionalLong pid = broker.runningPid();
        if (broker.stop()) {
            out.println("Kafka broker stopped (pid " + pid.orElse(-1) + ")");
        } else {
            out.println("No Kafka broker running from " + broker.settings().dataDir());
        }
        return OK;
    }

    private int status(LocalKafkaBroker broker) {
        String address = broker.bootstrapServers();
        OptionalLong pid = broker.runningPid();
        if (pid.isPresent()) {
            String answering = LocalKafkaBroker.isReachable(address) ? "" : " but not answering yet";
            out.println("Kafka broker running on " + address + answering + " (pid " + pid.getAsLong() + ")");
            printCredentials(broker);
            return OK;
        }
        if (LocalKafkaBroker.isReachable(address)) {
            out.println("Kafka broker not running from " + broker.settings().dataDir()
                    + ", but something else answers on " + address);
            return OK;
        }
        out.println("Kafka broker not running");
        return NOT_RUNNING;
    }

    private int cluster(String command, LocalKafkaCluster cluster, int node) {
        long startedAt = System.nanoTime();
        switch (command) {
            case "start":
                if (node > 0) {
                    if (cluster.node(node).runningPid().isPresent()) {
                        out.println("Kafka node " + node + " is already running");
                        return OK;
                    }
                    cluster.startNode(node);
                } else {
                    cluster.start();
                }
                out.printf(Locale.ROOT, "Kafka cluster of %d nodes ready on %s in %.1f s (pids %s)%n", cluster.nodes(),
                        cluster.bootstrapServers(), (System.nanoTime() - startedAt) / 1e9, pids(cluster));
                out.println("Kafka users " + String.join(", ", BrokerUsers.ALL) + " (SASL " + KafkaLogin.SASL_MECHANISM
                        + "): passwords in " + cluster.credentials().directory() + "/<user>");
                return OK;
            case "stop":
                out.println(cluster.stop() ? "Kafka cluster stopped" : "No Kafka node running");
                return OK;
            case "status":
                boolean any = cluster.pids().stream().anyMatch(OptionalLong::isPresent);
                out.println("Kafka cluster on " + cluster.bootstrapServers() + ": pids " + pids(cluster));
                return any ? OK : NOT_RUNNING;
            default:
                err.println("Unknown command: " + command);
                err.println(USAGE_TEXT);
                return USAGE;
        }
    }

    private static String pids(LocalKafkaCluster cluster) {
        List<String> pids = new ArrayList<>();
        for (OptionalLong pid : cluster.pids()) {
            pids.add(pid.isPresent() ? String.valueOf(pid.getAsLong()) : "-");
        }
        return String.join(" ", pids);
    }

    private void printCredentials(LocalKafkaBroker broker) {
        out.println("Kafka users " + String.join(", ", BrokerUsers.ALL) + " (SASL " + KafkaLogin.SASL_MECHANISM
                + "): passwords in " + broker.credentials().directory() + "/<user>");
    }

    private static Options parseOptions(Deque<String> options) {
        BrokerSettings settings = BrokerSettings.of(BrokerSettings.DEFAULT_PORT, Path.of("deploy", ".data", "kafka"));
        int nodes = 1;
        int node = 0;
        while (!options.isEmpty()) {
            String option = options.removeFirst();
            if (options.isEmpty()) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = options.removeFirst();
            switch (option) {
                case "--data-dir":
                    settings = settings.withDataDir(Path.of(value));
                    break;
                case "--port":
                    settings = settings.withPort(parsePort(value));
                    break;
                case "--host":
                    settings = settings.withHost(value);
                    break;
                case "--heap":
                    settings = settings.withMaxHeap(value);
                    break;
                case "--nodes":
                    nodes = parseCount(value, option);
                    break;
                case "--node":
                    node = parseCount(value, option);
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        if (node > nodes) {
            throw new IllegalArgumentException("--node " + node + " is not one of the " + nodes + " nodes");
        }
        return new Options(settings, nodes, node);
    }

    private static int parseCount(String value, String option) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= 9) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be 1 to 9, not " + value);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port number: " + value);
        }
    }
}
