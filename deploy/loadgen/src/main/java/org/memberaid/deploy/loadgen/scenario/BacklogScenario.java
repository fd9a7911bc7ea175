package org.memberaid.deploy.loadgen.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.kafka.AdminLogin;
import org.memberaid.deploy.loadgen.measure.Figures;

/**
 * A backlog for reporting-service: stops it, writes N valid events straight to both topics,
 * starts it again and measures how fast it applies them, from its freshness endpoint.
 */
public final class BacklogScenario implements Scenario {

    private static final OptionSpec EVENTS = OptionSpec.of("events", "1000000", "events to write (both topics together)");
    private static final OptionSpec COUNTIES = OptionSpec.of("counties", "3000", "county codes the events spread over");
    private static final OptionSpec BOOTSTRAP = OptionSpec.of("bootstrap", "localhost:9092", "Kafka bootstrap servers");
    private static final OptionSpec RESTART = OptionSpec.of("restart", "yes",
            "yes: stop reporting-service before writing and start it after (deploy/stop.sh, deploy/run.sh); "
                    + "no: it keeps running and applies while the events are written");
    private static final OptionSpec TIMEOUT = OptionSpec.of("timeout", "600s", "longest wait for the backlog to be applied");
    private static final Duration POLL = Duration.ofMillis(200);

    private final AccessTokens tokens;

    public BacklogScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "backlog";
    }

    @Override
    public String summary() {
        return "write N events straight to the topics, (re)start reporting-service, measure how fast it applies them";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(EVENTS, COUNTIES, BOOTSTRAP, ReportsScenario.REPORTING_URL, RESTART, TIMEOUT, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws Exception {
        long events = arguments.positiveInt(EVENTS.name());
        int counties = arguments.positiveInt(COUNTIES.name());
        boolean restart = switch (arguments.string(RESTART.name())) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new UsageException("option --restart must be yes or no");
        };
        long seed = CommonOptions.seed(arguments);
        ReportingFreshness freshness = new ReportingFreshness(
                CommonOptions.endpoint(arguments, ReportsScenario.REPORTING_URL, "/api/reports/freshness"),
                tokens.bearer(AccessTokens.Role.ANALYST));
        out.printf(Locale.ROOT, "backlog: %s events over %d counties to %s; seed %d%n", Figures.count(events), counties,
                arguments.string(BOOTSTRAP.name()), seed);
        if (restart) {
            script(out, "deploy/stop.sh", "reporting-service");
        }
        long writeStart = System.nanoTime();
        write(new BacklogEvents(seed, counties), events, arguments.string(BOOTSTRAP.name()));
        Duration writing = Duration.ofNanos(System.nanoTime() - writeStart);
        out.printf(Locale.ROOT, "written: %s events in %.1f s (%s events/s)%n", Figures.count(events),
                writing.toMillis() / 1000.0, Figures.rate(events, writing));
        long startNanos = System.nanoTime();
        if (restart) {
            script(out, "deploy/run.sh");
        }
        return measure(freshness, startNanos, arguments.duration(TIMEOUT.name()), out);
    }

    private static void write(BacklogEvents generator, long events, String bootstrap) throws Exception {
        Properties config = AdminLogin.clientConfig(bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "memberaid-loadgen-backlog");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            generator.generate(events, event -> producer.send(new ProducerRecord<>(event.topic(), event.key(),
                    event.value()), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static int measure(ReportingFreshness freshness, long startNanos, Duration timeout, PrintStream out)
            throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        ReportingFreshness.Reading first = null;
        long firstNanos = 0;
        long lastPrint = System.nanoTime();
        while (System.nanoTime() < deadline) {
            ReportingFreshness.Reading reading = freshness.read();
            long now = System.nanoTime();
            if (reading != null) {
                if (first == null) {
                    first = reading;
                    firstNanos = now;
                    out.printf(Locale.ROOT, "reporting answers after %.1f s: %s events applied, %s waiting%n",
                            (now - startNanos) / 1e9, Figures.count(reading.applied()), reading.lag());
                }
                if (reading.caughtUp()) {
                    Duration window = Duration.ofNanos(now - firstNanos);
                    long applied = reading.applied() - first.applied();
                    out.printf(Locale.ROOT, "caught up %.1f s after the start: %s events applied in the last %.1f s, "
                            + "%s events/s%n", (now - startNanos) / 1e9, Figures.count(applied), window.toMillis() / 1000.0,
                            Figures.rate(applied, window));
                    return SUCCESS;
                }
                if (now - lastPrint > 10_000_000_000L) {
                    lastPrint = now;
                    out.printf(Locale.ROOT, "[%4d s] %s applied, %s waiting%n", (now - startNanos) / 1_000_000_000L,
                            Figures.count(reading.applied()), reading.lag());
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        out.println("FAILED: reporting did not catch up within the timeout");
        return FAILURE;
    }

    private static void script(PrintStream out, String script, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("loadgen.root", "."));
        List<String> command = new ArrayList<>();
        command.add(root.resolve(script).toString());
        command.addAll(List.of(args));
        out.println("$ " + String.join(" ", command));
        ProcessBuilder process = new ProcessBuilder(command).inheritIO();
        process.environment().put("MEMBERAID_SKIP_BUILD", "true");
        int status = process.start().waitFor();
        if (status != 0) {
            throw new IOException(script + " exited with " + status);
        }
    }
}
