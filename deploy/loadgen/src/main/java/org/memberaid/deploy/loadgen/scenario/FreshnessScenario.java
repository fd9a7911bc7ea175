package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.Http1Connection;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

/**
 * How long a registration takes to show in the county report: members are registered at a fixed
 * rate (open loop) while a poller reads the county report every few milliseconds. The k-th
 * registration of a county answered 201 counts as visible at the first poll that shows at least k
 * more members there than before the run.
 */
public final class FreshnessScenario implements Scenario {

    private static final OptionSpec MEMBERS_URL = OptionSpec.of("members-url", "http://localhost:8081",
            "base URL of members-service");
    private static final OptionSpec RATE = OptionSpec.of("rate", "500", "registrations per second");
    private static final OptionSpec CLIENTS = OptionSpec.of("clients", "32", "connections sending the registrations");
    private static final OptionSpec DURATION = OptionSpec.of("duration", "60s", "measured duration");
    private static final OptionSpec WARMUP = OptionSpec.of("warmup", "10s", "warm-up, not measured");
    private static final OptionSpec POLL = OptionSpec.of("poll", "20ms", "how often the county report is read");
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTokens tokens;

    public FreshnessScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** When a county's report showed how many more members than at the start. */
    private record Sighting(long nanos, long extra) {
    }

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public String summary() {
        return "register at a fixed rate and measure the time from each 201 to the change showing in the county report";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(MEMBERS_URL, ReportsScenario.REPORTING_URL, RATE, CLIENTS, DURATION, WARMUP, POLL,
                CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws Exception {
        int rate = arguments.positiveInt(RATE.name());
        Duration warmup = arguments.duration(WARMUP.name());
        Duration duration = arguments.duration(DURATION.name());
        Duration poll = arguments.duration(POLL.name());
        long seed = CommonOptions.seed(arguments);
        String registrar = tokens.bearer(AccessTokens.Role.REGISTRAR);
        String analyst = tokens.bearer(AccessTokens.Role.ANALYST);
        SyntheticMembers members = new SyntheticMembers(seed);
        URI register = CommonOptions.endpoint(arguments, MEMBERS_URL, "/api/members");
        URI report = CommonOptions.endpoint(arguments, ReportsScenario.REPORTING_URL, "/api/reports/counties?size=500");
        ReportingFreshness freshness = new ReportingFreshness(
                CommonOptions.endpoint(arguments, ReportsScenario.REPORTING_URL, "/api/reports/freshness"), analyst);
        out.printf(Locale.ROOT, "freshness: %d registrations/s to %s for %s after %s warm-up; county report %s read every %s;"
                + " seed %d%n", rate, register, Durations.describe(duration), Durations.describe(warmup), report,
                Durations.describe(poll), seed);

        awaitCaughtUp(freshness);
        Http1Connection reader = new Http1Connection(Http1Connection.Target.get(report, Map.of("Accept",
                "application/json", AccessTokens.AUTHORIZATION, analyst), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        Map<String, Long> baseline = totals(reader);

        Map<String, List<Long>> answered = new ConcurrentHashMap<>();
        Map<String, List<Sighting>> sightings = new HashMap<>();
        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long warmupEnd = start + warmup.toNanos();
        long end = warmupEnd + duration.toNanos();
        AtomicLong tickets = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        List<Thread> writers = new ArrayList<>();
        Http1Connection.Target target = Http1Connection.Target.post(register,
                Map.of("Content-Type", "application/json", AccessTokens.AUTHORIZATION, registrar),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        for (int i = 0; i < arguments.positiveInt(CLIENTS.name()); i++) {
            Thread writer = new Thread(() -> write(target, members, tickets, start, intervalNanos, end, answered, outcomes),
                    "writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
        long settleDeadline = end + SETTLE_TIMEOUT.toNanos();
        boolean writing = true;
        while (true) {
            long pollStart = System.nanoTime();
            Map<String, Long> now = totals(reader);
            long seen = System.nanoTime();
            now.forEach((county, total) -> sightings.computeIfAbsent(county, c -> new ArrayList<>())
                    .add(new Sighting(seen, total - baseline.getOrDefault(county, 0L))));
            if (writing && writers.stream().noneMatch(Thread::isAlive)) {
                writing = false;
            }
            if (!writing && allVisible(answered, now, baseline) || seen > settleDeadline) {
                break;
            }
            long sleep = poll.toNanos() - (System.nanoTime() - pollStart);
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        reader.close();
        return report(answered, sightings, outcomes, warmupEnd, end, out);
    }

    private static void write(Http1Connection.Target target, SyntheticMembers members, AtomicLong tickets, long start,
            long intervalNanos, long end, Map<String, List<Long>> answered, Map<String, Long> outcomes) {
        try (Http1Connection connection = new Http1Connection(target)) {
            while (true) {
                long due = start + tickets.getAndIncrement() * intervalNanos;
                if (due >= end) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                SyntheticMember member = members.next();
                String outcome;
                try {
                    MemberJson.writeJson(member, connection.newBody());
                    connection.prepare();
                    int status = connection.exchange();
                    outcome = "HTTP " + status;
                    if (status == 201) {
                        long at = System.nanoTime();
                        List<Long> times = answered.computeIfAbsent(member.countyCode(),
                                c -> Collections.synchronizedList(new ArrayList<>()));
                        times.add(at);
                    }
                } catch (IOException e) {
                    outcome = "no answer (" + e.getClass().getSimpleName() + ")";
                }
                outcomes.merge(outcome, 1L, Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int report(Map<String, List<Long>> answered, Map<String, List<Sighting>> sightings,
            Map<String, Long> outcomes, long warmupEnd, long end, PrintStream out) {
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        long invisible = 0;
        long measured = 0;
        for (Map.Entry<String, List<Long>> county : answered.entrySet()) {
            List<Long> times = new ArrayList<>(county.getValue());
            Collections.sort(times);
            List<Sighting> seen = sightings.getOrDefault(county.getKey(), List.of());
            int s = 0;
            for (int k = 1; k <= times.size(); k++) {
                long answeredAt = times.get(k - 1);
                while (s < seen.size() && seen.get(s).extra() < k) {
                    s++;
                }
                if (answeredAt < warmupEnd || answeredAt >= end) {
                    continue;
                }
                measured++;
                if (s == seen.size()) {
                    invisible++;
                } else {
                    latencies.recordValue(Math.max(0, seen.get(s).nanos() - answeredAt) / 1_000);
                }
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        outcomes.keySet().stream().sorted().forEach(key -> sorted.put(key, outcomes.get(key)));
        out.printf(Locale.ROOT, "%nregistrations: %s answered (%s), %s in the measured window%n",
                Figures.count(outcomes.values().stream().mapToLong(Long::longValue).sum()), Figures.outcomes(sorted),
                Figures.count(measured));
        out.printf("201 -> visible in the county report (ms)  %s%n", Figures.latencies(latencies));
        if (invisible > 0 || measured == 0) {
            out.printf(Locale.ROOT, "FAILED: %s registration(s) never showed in the report%n", Figures.count(invisible));
            return FAILURE;
        }
        out.println("OK: every registration showed in the report");
        return SUCCESS;
    }

    private static boolean allVisible(Map<String, List<Long>> answered, Map<String, Long> now, Map<String, Long> baseline) {
        for (Map.Entry<String, List<Long>> county : answered.entrySet()) {
            if (now.getOrDefault(county.getKey(), 0L) - baseline.getOrDefault(county.getKey(), 0L)
                    < county.getValue().size()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Long> totals(Http1Connection reader) throws IOException {
        reader.newBody();
        reader.prepare();
        int status = reader.exchange();
        if (status != 200) {
            throw new IOException("the county report answered " + status + ": " + reader.bodyText());
        }
        Map<String, Long> totals = new HashMap<>();
        for (JsonNode row : JSON.readTree(reader.bodyText()).path("items")) {
            totals.put(row.path("countyCode").asText(), row.path("membersTotal").asLong());
        }
        return totals;
    }

    private static void awaitCaughtUp(ReportingFreshness freshness) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ReportingFreshness.Reading reading = freshness.read();
            if (reading != null && reading.caughtUp()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("reporting-service did not catch up with the topics within " + SETTLE_TIMEOUT.toSeconds() + " s");
    }
}
