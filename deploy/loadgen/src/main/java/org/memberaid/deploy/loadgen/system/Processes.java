package org.memberaid.deploy.loadgen.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes of the system that {@code deploy/run.sh} started, found through their pid files in
 * the data directory, killed with SIGKILL (no shutdown hook runs, nothing is flushed: a crash) and
 * started again by the project's own scripts, the build skipped. PostgreSQL is restarted by
 * {@code MEMBERAID_PG_RESTART} when set, else by Debian's {@code pg_ctlcluster}.
 */
final class Processes {

    private static final Duration DEATH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    private final Path root;
    private final Path dataDir;
    private final Path log;

    /**
     * @param root the repository, whose deploy/ scripts start things
     * @param dataDir the data directory of the running system ({@code MEMBERAID_DATA_DIR})
     */
    Processes(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
        this.log = dataDir.resolve("logs").resolve("system-test-scripts.log");
    }

    /**
     * The processes of the system this load generator was pointed at: deploy/loadgen.sh passes the
     * repository ({@code loadgen.root}) and the run scripts' data directory ({@code loadgen.data-dir}).
     */
    static Processes ofThisRun() {
        Path root = Path.of(System.getProperty("loadgen.root", "."));
        return new Processes(root, Path.of(System.getProperty("loadgen.data-dir", root.resolve("deploy/.data").toString())));
    }

    /** The log the scripts this class runs write to. */
    Path log() {
        return log;
    }

    /** kill -9 of one service ({@code members-service}, ...); returns once the process is gone. */
    long killService(String service) throws SystemTestFailure, InterruptedException {
        return kill(dataDir.resolve("pids").resolve(service + ".pid"), service);
    }

    /** kill -9 of the Kafka broker. */
    long killBroker() throws SystemTestFailure, InterruptedException {
        return kill(dataDir.resolve("kafka").resolve("broker.pid"), "the Kafka broker");
    }

    /** kill -9 of node {@code n} of the local Kafka cluster (deploy/run.sh --cluster). */
    long killBrokerNode(int n) throws SystemTestFailure, InterruptedException {
        return kill(dataDir.resolve("kafka-cluster").resolve("node-" + n).resolve("broker.pid"), "Kafka node " + n);
    }

    /** Starts node {@code n} of the local Kafka cluster again; returns once the cluster counts it. */
    void startBrokerNode(int n) throws SystemTestFailure, InterruptedException {
        run(List.of(root.resolve("deploy/kafka.sh").toString(), "start", "--node", String.valueOf(n)), Map.of());
    }

    /** Starts whatever of the system is not running ({@code deploy/run.sh}, build skipped) and waits until all is ready. */
    void startSystem() throws SystemTestFailure, InterruptedException {
        run(List.of(root.resolve("deploy/run.sh").toString()), Map.of("MEMBERAID_SKIP_BUILD", "true"));
    }

    /** Starts the Kafka broker ({@code deploy/kafka.sh start}); returns once it answers with its topics. */
    void startBroker() throws SystemTestFailure, InterruptedException {
        run(List.of(root.resolve("deploy/kafka.sh").toString(), "start"), Map.of());
    }

    /** Restarts PostgreSQL (every connection of every service is cut) and waits until it accepts connections. */
    void restartPostgres() throws SystemTestFailure, InterruptedException {
        run(List.of("bash", "-c", postgresRestartCommand()), Map.of());
        for (int i = 0; i < 120; i++) {
            if (exitCode(List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432")) == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new SystemTestFailure("PostgreSQL did not accept connections within 30 s of its restart");
    }

    private String postgresRestartCommand() throws SystemTestFailure {
        String command = System.getenv("MEMBERAID_PG_RESTART");
        if (command != null && !command.isBlank()) {
            return command;
        }
        File[] versions = new File("/etc/postgresql").listFiles(File::isDirectory);
        if (versions == null || versions.length == 0) {
            throw new SystemTestFailure("no /etc/postgresql/<version> here: set MEMBERAID_PG_RESTART to the command"
                    + " that restarts the PostgreSQL on 127.0.0.1:5432");
        }
        return "pg_ctlcluster --skip-systemctl-redirect " + versions[0].getName() + " main restart";
    }

    private static long kill(Path pidFile, String what) throws SystemTestFailure, InterruptedException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new SystemTestFailure("cannot read the pid of " + what + " from " + pidFile + ": " + e);
        }
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new SystemTestFailure(what + " (pid " + pid + ", " + pidFile + ") is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(DEATH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SystemTestFailure(what + " (pid " + pid + ") was still alive " + DEATH_TIMEOUT.toSeconds()
                    + " s after SIGKILL");
        }
        return pid;
    }

    private void run(List<String> command, Map<String, String> environment) throws SystemTestFailure, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("MEMBERAID_DATA_DIR", dataDir.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SystemTestFailure(String.join(" ", command) + " did not finish within "
                        + SCRIPT_TIMEOUT.toMinutes() + " min; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new SystemTestFailure(String.join(" ", command) + " exited with " + process.exitValue()
                        + "; see " + log);
            }
        } catch (IOException e) {
            throw new SystemTestFailure("cannot run " + String.join(" ", command) + ": " + e);
        }
    }

    private static int exitCode(List<String> command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return -1;
        }
    }
}
