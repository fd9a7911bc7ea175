package org.memberaid.deploy.loadgen.scenario;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.measure.ClosedLoopLoad;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.Http1Connection;
import org.memberaid.deploy.loadgen.measure.RequestStats;
import org.memberaid.deploy.loadgen.measure.RssSampler;

/** Reads a report (by default the county report) from closed-loop clients, as dashboards and BI tools do. */
public final class ReportsScenario implements Scenario {

    private static final int OK = 200;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    static final OptionSpec REPORTING_URL = OptionSpec.of("url", "http://localhost:8083", "base URL of reporting-service");
    private static final OptionSpec PATH = OptionSpec.of("path", "/api/reports/counties",
            "the report to read, with its query (e.g. /api/reports/counties?size=500)");
    private static final OptionSpec ACCEPT = OptionSpec.of("accept", "application/json", "Accept header (text/csv for CSV)");
    private static final OptionSpec CLIENTS = OptionSpec.of("clients", "32", "number of closed-loop clients");
    private static final OptionSpec DURATION = OptionSpec.of("duration", "60s", "measured duration (e.g. 60s, 5m)");
    private static final OptionSpec WARMUP = OptionSpec.of("warmup", "10s", "warm-up before the measurement, reported apart");
    private static final OptionSpec PID_FILE = CommonOptions.pidFileOf("reporting-service");

    private final AccessTokens tokens;

    public ReportsScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public String summary() {
        return "GET a report (default /api/reports/counties) from N closed-loop clients: throughput, latency, sizes";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(REPORTING_URL, PATH, ACCEPT, CLIENTS, DURATION, WARMUP, PID_FILE);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws InterruptedException {
        URI endpoint = CommonOptions.endpoint(arguments, REPORTING_URL, arguments.string(PATH.name()));
        ClosedLoopLoad.Settings settings = new ClosedLoopLoad.Settings(
                arguments.positiveInt(CLIENTS.name()), arguments.duration(WARMUP.name()), arguments.duration(DURATION.name()));
        Http1Connection.Target target = Http1Connection.Target.get(endpoint,
                Map.of("Accept", arguments.string(ACCEPT.name()),
                        AccessTokens.AUTHORIZATION, tokens.bearer(AccessTokens.Role.ANALYST)),
                CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        out.printf(Locale.ROOT, "reports: %d clients GET %s, warm-up %s, then %s measured%n", settings.clients(), endpoint,
                Durations.describe(settings.warmup()), Durations.describe(settings.duration()));
        RssSampler rss = RssSampler.start(arguments.path(PID_FILE.name()));
        ClosedLoopLoad.Result result;
        try {
            result = new ClosedLoopLoad(target, body -> { }, OK).run(settings, out);
        } finally {
            rss.close();
        }
        RequestStats measured = result.measured();
        Histogram latencies = measured.cumulative();
        out.printf("%nwarm-up (not counted below): %s requests%n",
                Figures.count(result.warmup().cumulative().getTotalCount()));
        out.printf("measured: %s%n", Durations.seconds(result.measuredElapsed()));
        out.printf("  requests      %s%n", Figures.count(latencies.getTotalCount()));
        out.printf("  throughput    %s req/s%n", Figures.rate(latencies.getTotalCount(), result.measuredElapsed()));
        out.printf("  latency (ms)  %s%n", Figures.latencies(latencies));
        out.printf("  answers       %s%n", Figures.outcomes(measured.outcomes()));
        out.println(rss.report());
        if (result.failures() == 0) {
            out.println("OK: every request was answered " + OK);
            return SUCCESS;
        }
        out.printf(Locale.ROOT, "FAILED: %s request(s) were not answered %d; first: %s%n", Figures.count(result.failures()),
                OK, result.measured().keptFailures().stream().findFirst().orElse("(in the warm-up)"));
        return FAILURE;
    }
}
