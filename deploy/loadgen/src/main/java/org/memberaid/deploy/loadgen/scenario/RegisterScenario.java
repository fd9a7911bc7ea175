package org.memberaid.deploy.loadgen.scenario;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.measure.ClosedLoopLoad;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.Http1Connection;
import org.memberaid.deploy.loadgen.measure.RequestStats;
import org.memberaid.deploy.loadgen.measure.RssSampler;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

/** Registers new synthetic members one by one from closed-loop clients and measures the answers. */
public final class RegisterScenario implements Scenario {

    private static final String PATH = "/api/members";
    private static final int CREATED = 201;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int SHOWN_FAILURES = 5;

    private static final OptionSpec CLIENTS = OptionSpec.of("clients", "32", "number of closed-loop clients");
    private static final OptionSpec DURATION = OptionSpec.of("duration", "60s", "measured duration (e.g. 60s, 5m)");
    private static final OptionSpec WARMUP = OptionSpec.of("warmup", "10s", "warm-up before the measurement, reported apart");

    private final AccessTokens tokens;

    public RegisterScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String summary() {
        return "POST /api/members from N closed-loop clients: throughput, latency percentiles, statuses";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(CommonOptions.URL, CLIENTS, DURATION, WARMUP, CommonOptions.PID_FILE, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws InterruptedException {
        URI endpoint = CommonOptions.endpoint(arguments, PATH);
        ClosedLoopLoad.Settings settings = new ClosedLoopLoad.Settings(
                arguments.positiveInt(CLIENTS.name()), arguments.duration(WARMUP.name()), arguments.duration(DURATION.name()));
        long seed = CommonOptions.seed(arguments);
        SyntheticMembers members = new SyntheticMembers(seed);
        if (!"http".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new UsageException("option --url must be a plain http:// URL such as http://localhost:8081, not '"
                    + endpoint + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put(AccessTokens.AUTHORIZATION, tokens.bearer(AccessTokens.Role.REGISTRAR));
        Http1Connection.Target target = Http1Connection.Target.post(endpoint, headers, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        ClosedLoopLoad.RequestBodies registrations = body -> MemberJson.writeJson(members.next(), body);

        out.printf(Locale.ROOT, "register: %d clients POST %s, warm-up %s, then %s measured; seed %d (repeat with --seed %d)%n",
                settings.clients(), endpoint, Durations.describe(settings.warmup()), Durations.describe(settings.duration()),
                seed, seed);
        RssSampler rss = RssSampler.start(CommonOptions.pidFile(arguments));
        ClosedLoopLoad.Result result;
        try {
            result = new ClosedLoopLoad(target, registrations, CREATED).run(settings, out);
        } finally {
            rss.close();
        }
        printReport(result, out);
        out.println(rss.report());
        return printVerdict(result, out);
    }

    private static void printReport(ClosedLoopLoad.Result result, PrintStream out) {
        RequestStats warmup = result.warmup();
        long warmupCount = warmup.cumulative().getTotalCount();
        out.printf("%nwarm-up (not counted below): %s requests in %s, %s req/s; %s%n",
                Figures.count(warmupCount), Durations.seconds(result.warmupElapsed()),
                Figures.rate(warmupCount, result.warmupElapsed()), Figures.outcomes(warmup.outcomes()));
        RequestStats measured = result.measured();
        Histogram latencies = measured.cumulative();
        out.printf("measured: %s%n", Durations.seconds(result.measuredElapsed()));
        out.printf("  requests      %s%n", Figures.count(latencies.getTotalCount()));
        out.printf("  throughput    %s req/s%n", Figures.rate(latencies.getTotalCount(), result.measuredElapsed()));
        out.printf("  latency (ms)  %s%n", Figures.latencies(latencies));
        out.printf("  answers       %s%n", Figures.outcomes(measured.outcomes()));
        out.printf(Locale.ROOT, "  not %d       %s%n", CREATED, Figures.count(measured.failures()));
    }

    private static int printVerdict(ClosedLoopLoad.Result result, PrintStream out) {
        if (result.failures() == 0) {
            out.println("OK: every request was answered " + CREATED);
            return SUCCESS;
        }
        Set<String> shown = new LinkedHashSet<>(result.warmup().keptFailures());
        shown.addAll(result.measured().keptFailures());
        out.printf(Locale.ROOT, "FAILED: %s request(s) were not answered %d (warm-up included); the first distinct answers:%n",
                Figures.count(result.failures()), CREATED);
        shown.stream().limit(SHOWN_FAILURES).forEach(failure -> out.println("  " + failure));
        return FAILURE;
    }
}
