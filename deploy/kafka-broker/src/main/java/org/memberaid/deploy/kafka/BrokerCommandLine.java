package org.memberaid.deploy.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
            + " [--host HOST (default localhost)] [--heap SIZE (default 768m)]";

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
        BrokerSettings settings;
        try {
            settings = parseOptions(remaining);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
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

    private void printCredentials(LocalKafkaBroker broker) {
        out.println("Kafka users " + String.join(", ", BrokerUsers.ALL) + " (SASL " + KafkaLogin.SASL_MECHANISM
                + "): passwords in " + broker.credentials().directory() + "/<user>");
    }

    private static BrokerSettings parseOptions(Deque<String> options) {
        BrokerSettings settings = BrokerSettings.of(BrokerSettings.DEFAULT_PORT, Path.of("deploy", ".data", "kafka"));
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
                default:
                    throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        return settings;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port number: " + value);
        }
    }
}
