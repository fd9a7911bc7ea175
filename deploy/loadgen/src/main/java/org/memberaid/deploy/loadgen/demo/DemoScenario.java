package org.memberaid.deploy.loadgen.demo;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.measure.Figures;

/**
 * {@code deploy/loadgen.sh demo} (also {@code deploy/demo.sh}): generates the Zhangye 2015 demo of
 * a seed, loads it ({@link DemoLoader}), waits until reporting has caught up and compares its 2015
 * reports with the demo's figures ({@link DemoCheck}). Exit 1 when any figure differs.
 */
public final class DemoScenario implements Scenario {

    static final OptionSpec SEED = OptionSpec.of("seed", Long.toString(ZhangyeDemo.DEFAULT_SEED),
            "seed of the demo: the same seed, the same members, records and figures");
    static final OptionSpec MEMBERS_URL = OptionSpec.of("members-url", "http://localhost:8081", "base URL of members-service");
    static final OptionSpec URL = OptionSpec.of("url", "http://localhost:8082", "base URL of relief-service");
    static final OptionSpec REPORTS_URL = OptionSpec.of("reports-url", "http://localhost:8083", "base URL of reporting-service");
    static final OptionSpec CONCURRENCY = OptionSpec.of("concurrency", "16", "requests in flight at once");

    private final AccessTokens tokens;

    public DemoScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "load the Zhangye 2015 demo (88,986 members and the year's programme), then check the 2015 reports";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(SEED, MEMBERS_URL, URL, REPORTS_URL, CONCURRENCY);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws Exception {
        long seed;
        try {
            seed = Long.parseLong(arguments.string(SEED.name()).strip());
        } catch (NumberFormatException e) {
            throw new UsageException("option --seed must be a whole number, not '" + arguments.string(SEED.name()) + "'");
        }
        DemoLoader.Endpoints endpoints = new DemoLoader.Endpoints(url(arguments, MEMBERS_URL), url(arguments, URL),
                url(arguments, REPORTS_URL));
        int concurrency = arguments.positiveInt(CONCURRENCY.name());
        tokens.require(AccessTokens.Role.REGISTRAR, AccessTokens.Role.ADMIN, AccessTokens.Role.CASEWORKER,
                AccessTokens.Role.APPROVER, AccessTokens.Role.ANALYST);

        long started = System.nanoTime();
        ZhangyeDemo demo = ZhangyeDemo.generate(seed);
        Duration generated = Duration.ofNanos(System.nanoTime() - started);
        out.printf(Locale.ROOT, "demo: Zhangye 2015, seed %d: %s members, %s disbursements, %d cycles, %s assistance records,"
                        + " generated in %s; loading into %s, %s, %s with %d requests at once%n", seed,
                Figures.count(demo.members().size()), Figures.count(demo.disbursements().size()), demo.cycles().size(),
                Figures.count(demo.assistance().size()), Durations.seconds(generated), endpoints.members(), endpoints.relief(),
                endpoints.reports(), concurrency);
        Map<String, Duration> steps;
        try {
            steps = new DemoLoader(endpoints, tokens, concurrency, out).load(demo);
        } catch (DemoFailure e) {
            out.println("FAILED: " + e.getMessage());
            return FAILURE;
        }
        long checkStarted = System.nanoTime();
        List<DemoCheck.Mismatch> mismatches;
        try {
            mismatches = new DemoCheck(endpoints.reports(), tokens).awaitAndCompare(demo, out);
        } catch (DemoFailure e) {
            out.println("FAILED: " + e.getMessage());
            return FAILURE;
        }
        Duration checked = Duration.ofNanos(System.nanoTime() - checkStarted);
        Duration loaded = steps.values().stream().reduce(Duration.ZERO, Duration::plus);
        out.printf("took: generation %s, %s, reports %s; load %s, in all %s%n", Durations.seconds(generated),
                String.join(", ", steps.entrySet().stream().map(step -> step.getKey() + " " + Durations.seconds(step.getValue())).toList()),
                Durations.seconds(checked), Durations.seconds(loaded),
                Durations.seconds(Duration.ofNanos(System.nanoTime() - started)));
        if (!mismatches.isEmpty()) {
            out.println("MISMATCH: " + mismatches.size() + " figures differ from the demo's:");
            mismatches.forEach(mismatch -> out.println("  " + mismatch));
            return FAILURE;
        }
        out.println("OK: every 2015 figure of 620700 and of its six counties is the demo's");
        return SUCCESS;
    }

    private static URI url(Arguments arguments, OptionSpec option) {
        String base = arguments.string(option.name()).strip();
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --" + option.name() + " must be a URL such as " + option.defaultValue());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("option --" + option.name() + " must be a plain http:// URL such as "
                    + option.defaultValue() + ", not '" + base + "'");
        }
        return uri;
    }
}
