package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.Uuid;

/** Child JVMs on the broker classpath: the storage formatter and the broker itself. */
final class BrokerJvm {

    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final BrokerSettings settings;
    private final BrokerFiles files;
    private final String classpath;

    BrokerJvm(BrokerSettings settings, BrokerFiles files) {
        this.settings = settings;
        this.files = files;
        this.classpath = BrokerClasspath.load();
    }

    /**
     * Gives the data directory a fresh cluster id, as Kafka requires before a first start, and the
     * SCRAM users with their passwords: the metadata the broker starts from already holds them, so
     * no client ever meets a broker without its users.
     */
    void formatStorage(BrokerCredentials credentials, String clusterId) {
        List<String> command = new ArrayList<>(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId == null ? Uuid.randomUuid().toString() : clusterId, "--config", files.serverProperties().toString()));
        for (String user : BrokerUsers.ALL) {
            command.add("--add-scram");
            command.add(KafkaLogin.SASL_MECHANISM + "=[name=" + user + ",password=" + credentials.password(user) + "]");
        }
        Process format = launch(command);
        try {
            if (!format.waitFor(settings.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw files.failureWithLogTail(
                        "Formatting the Kafka storage did not finish within " + settings.startupTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw files.failureWithLogTail("Formatting the Kafka storage failed with exit code " + format.exitValue());
        }
    }

    Process startBroker() {
        return launch(List.of("kafka.Kafka", files.serverProperties().toString()));
    }

    /** SIGTERM, which Kafka answers with an orderly shutdown; SIGKILL if that takes too long. */
    static void terminate(ProcessHandle broker) {
        broker.destroy();
        if (!exitsWithin(broker, GRACEFUL_STOP_TIMEOUT)) {
            broker.destroyForcibly();
            if (!exitsWithin(broker, FORCED_STOP_TIMEOUT)) {
                throw new IllegalStateException("The Kafka broker (pid " + broker.pid() + ") does not exit");
            }
        }
    }

    /** Starts a JVM whose output goes to broker.log. */
    private Process launch(List<String> mainClassAndArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.maxHeap(),
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + files.log4jConfig()));
        command.addAll(mainClassAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.brokerLog().toFile()));
        // Not -cp: ProcessHandle.Info cuts command lines at 4 KiB, and the pid file check needs to
        // see the server.properties argument that would come after the long classpath.
        builder.environment().put("CLASSPATH", classpath);
        try {
            Process child = builder.start();
            // Nothing may tie the child to this JVM, which can exit while the broker keeps running.
            child.getOutputStream().close();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", mainClassAndArgs), e);
        }
    }

    private static boolean exitsWithin(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for the Kafka broker (pid " + process.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the Kafka broker", e);
        }
    }
}
