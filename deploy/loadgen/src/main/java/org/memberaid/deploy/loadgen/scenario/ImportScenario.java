package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.kafka.KafkaUnavailableException;
import org.memberaid.deploy.loadgen.kafka.TopicEndOffsets;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.RssSampler;
import org.memberaid.deploy.loadgen.members.MemberCsv;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

/**
 * Imports a whole county census in one CSV upload, and measures how long the registry takes to
 * answer and how long until every imported member's event is on the topic.
 */
public final class ImportScenario implements Scenario {

    private static final String PATH = "/api/members/import";
    private static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int SHOWN_REJECTIONS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final OptionSpec MEMBERS = OptionSpec.of("members", "88986", "rows in the CSV; 88986 is the Zhangye census");
    private static final OptionSpec BOOTSTRAP = OptionSpec.of("bootstrap", "localhost:9092", "Kafka bootstrap servers");
    private static final OptionSpec TOPIC = OptionSpec.of("topic", "members.events", "topic that receives one event per imported member");
    private static final OptionSpec EVENTS_TIMEOUT = OptionSpec.of("events-timeout", "120s",
            "how long to wait, after the answer, for the events to reach the topic");
    private static final OptionSpec CSV_OUT = OptionSpec.optional("csv-out", "also write the generated CSV to this file");

    private final AccessTokens tokens;

    public ImportScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "POST one CSV of N members to /api/members/import: time to answer, time until all events are on Kafka";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(CommonOptions.URL, MEMBERS, BOOTSTRAP, TOPIC, EVENTS_TIMEOUT, CommonOptions.PID_FILE,
                CSV_OUT, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws IOException, InterruptedException {
        URI endpoint = CommonOptions.endpoint(arguments, PATH);
        int memberCount = arguments.positiveInt(MEMBERS.name());
        String topic = arguments.string(TOPIC.name());
        Duration eventsTimeout = arguments.duration(EVENTS_TIMEOUT.name());
        Optional<Path> csvOut = arguments.optionalPath(CSV_OUT.name());
        long seed = CommonOptions.seed(arguments);
        String authorization = tokens.bearer(AccessTokens.Role.REGISTRAR);

        out.printf(Locale.ROOT, "import: %s synthetic members; seed %d (repeat with --seed %d)%n",
                Figures.count(memberCount), seed, seed);
        byte[] csv = generateCsv(memberCount, seed, csvOut, out);

        try (TopicEndOffsets offsets = new TopicEndOffsets(arguments.string(BOOTSTRAP.name()), topic)) {
            long offsetsBefore;
            try {
                offsetsBefore = offsets.sum();
                out.printf("%s: end offsets sum to %s over %d partitions before the import%n",
                        topic, Figures.count(offsetsBefore), offsets.partitionCount());
            } catch (KafkaUnavailableException e) {
                out.println("FAILED: " + e.getMessage() + ". Is Kafka running at " + arguments.string(BOOTSTRAP.name())
                        + " (deploy/kafka.sh status)? Nothing was posted.");
                return FAILURE;
            }
            RssSampler rss = RssSampler.start(CommonOptions.pidFile(arguments));
            List<String> problems;
            try {
                problems = postAndAwaitEvents(endpoint, authorization, csv, memberCount, offsets, offsetsBefore,
                        eventsTimeout, topic, out);
            } finally {
                rss.close();
            }
            out.println(rss.report());
            if (problems.isEmpty()) {
                out.println("OK: every row was imported and every event reached " + topic);
                return SUCCESS;
            }
            out.println("FAILED: " + String.join("; ", problems));
            return FAILURE;
        }
    }

    private static byte[] generateCsv(int memberCount, long seed, Optional<Path> csvOut, PrintStream out) throws IOException {
        long started = System.nanoTime();
        byte[] csv = MemberCsv.toCsv(new SyntheticMembers(seed).next(memberCount)).getBytes(StandardCharsets.UTF_8);
        out.printf("CSV: %s generated in %s%n", Figures.bytes(csv.length),
                Durations.seconds(Duration.ofNanos(System.nanoTime() - started)));
        if (csvOut.isPresent()) {
            Files.write(csvOut.get(), csv);
            out.println("CSV written to " + csvOut.get());
        }
        return csv;
    }

    /** @return what went wrong, nothing when the import was complete */
    private static List<String> postAndAwaitEvents(URI endpoint, String authorization, byte[] csv, int memberCount,
            TopicEndOffsets offsets, long offsetsBefore, Duration eventsTimeout, String topic, PrintStream out)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", "application/json")
                .header(AccessTokens.AUTHORIZATION, authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build();
        out.printf("POST %s (%s)...%n", endpoint, CONTENT_TYPE);
        long postedNanos = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String hint = e instanceof ConnectException ? " Is members-service running (deploy/run.sh)?" : "";
            out.printf("answer: none from %s (%s).%s%n", endpoint, Figures.exception(e), hint);
            return List.of("no answer from members-service");
        }
        Duration toAnswer = Duration.ofNanos(System.nanoTime() - postedNanos);
        if (response.statusCode() / 100 != 2) {
            printRefusal(response, toAnswer, out);
            return List.of("the import was refused (HTTP " + response.statusCode() + ")");
        }
        ImportAnswer answer;
        try {
            answer = ImportAnswer.parse(JSON.readTree(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            out.printf("answer: HTTP %d after %s, but not an import report {received, imported, rejected}: %s%n",
                    response.statusCode(), Durations.seconds(toAnswer), Figures.abbreviate(response.body(), 500));
            return List.of("the answer is not an import report");
        }
        out.printf("answer: HTTP %d after %s: received %s, imported %s, rejected %s (%s imported members/s)%n",
                response.statusCode(), Durations.seconds(toAnswer), Figures.count(answer.received()),
                Figures.count(answer.imported()), Figures.count(answer.rejected().size()),
                Figures.rate(answer.imported(), toAnswer));
        answer.rejected().stream().limit(SHOWN_REJECTIONS).forEach(rejection -> out.println("  rejected " + rejection));
        if (answer.rejected().size() > SHOWN_REJECTIONS) {
            out.println("  ... and " + Figures.count(answer.rejected().size() - SHOWN_REJECTIONS) + " more rejected rows");
        }

        List<String> problems = new ArrayList<>();
        if (answer.received() != memberCount) {
            problems.add("the service received " + Figures.count(answer.received()) + " rows of " + Figures.count(memberCount));
        }
        if (!answer.rejected().isEmpty()) {
            problems.add(Figures.count(answer.rejected().size()) + " row(s) rejected");
        }
        if (!awaitEvents(offsets, offsetsBefore, answer.imported(), postedNanos, toAnswer, eventsTimeout, topic, out)) {
            problems.add("events are missing on " + topic);
        }
        return problems;
    }

    /**
     * Counts the topic's growth, not the service's records: another producer writing to the topic
     * meanwhile would make the events look complete early.
     */
    private static boolean awaitEvents(TopicEndOffsets offsets, long offsetsBefore, long expected, long postedNanos,
            Duration toAnswer, Duration timeout, String topic, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long arrived = 0;
        try {
            while (true) {
                arrived = offsets.sum() - offsetsBefore;
                long now = System.nanoTime();
                if (arrived >= expected) {
                    Duration sincePost = Duration.ofNanos(now - postedNanos);
                    out.printf("events: %s new records on %s %s after the start of the POST (%s after the answer; %s events/s overall)%n",
                            Figures.count(arrived), topic, Durations.seconds(sincePost),
                            Durations.seconds(sincePost.minus(toAnswer)), Figures.rate(arrived, sincePost));
                    return true;
                }
                if (now >= deadline) {
                    break;
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (KafkaUnavailableException e) {
            out.println("events: " + e.getMessage());
        }
        out.printf("events: only %s of %s new records on %s within %s after the answer%n",
                Figures.count(arrived), Figures.count(expected), topic, Durations.describe(timeout));
        return false;
    }

    private static void printRefusal(HttpResponse<String> response, Duration toAnswer, PrintStream out) {
        out.printf("answer: HTTP %d from POST %s after %s.%n", response.statusCode(), response.uri(), Durations.seconds(toAnswer));
        if (response.statusCode() == 404) {
            out.println("  This members-service has no CSV import endpoint (POST " + PATH + "): is it an older build?"
                    + " Rebuild with mvn -B -q install -DskipTests and restart it.");
        }
        out.println("  body: " + Figures.abbreviate(response.body(), 500));
    }
}
