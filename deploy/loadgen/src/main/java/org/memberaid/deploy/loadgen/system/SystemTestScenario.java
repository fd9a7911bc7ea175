package org.memberaid.deploy.loadgen.system;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.scenario.CommonOptions;
import org.memberaid.deploy.loadgen.demo.DemoFailure;

/**
 * The system test (deploy/system-test.sh, run by CI against the system deploy/run.sh started): the
 * Zhangye 2015 demo loaded and its figures exact; the reports rebuilt from the topics and still
 * exact; then processes killed under a second stream of writes ({@link CrashCourse}) and, idle,
 * nothing lost, doubled or overspent and the reports equal to the registry and the ledger.
 */
public final class SystemTestScenario implements Scenario {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final OptionSpec MEMBERS_URL = OptionSpec.of("members-url", "http://localhost:8081", "members-service");
    private static final OptionSpec RELIEF_URL = OptionSpec.of("url", "http://localhost:8082", "relief-service");
    private static final OptionSpec REPORTS_URL = OptionSpec.of("reports-url", "http://localhost:8083", "reporting-service");
    private static final OptionSpec OUTAGE = OptionSpec.of("outage", "20s", "how long the Kafka broker stays dead");
    private static final OptionSpec RATE = OptionSpec.of("rate", "40", "writes per second of the second stream");
    private static final OptionSpec STEPS = OptionSpec.of("steps", "demo,rebuild,crash",
            "which parts to run: demo (load it, check it), rebuild (rebuild the reports, check again), crash");

    private final AccessTokens tokens;

    public SystemTestScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "system";
    }

    @Override
    public String summary() {
        return "the system test: the Zhangye 2015 demo exact, rebuilt, kept exact through kill -9 of every process";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(MEMBERS_URL, RELIEF_URL, REPORTS_URL, OUTAGE, RATE, STEPS, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws Exception {
        tokens.require(Role.REGISTRAR, Role.ADMIN, Role.CASEWORKER, Role.APPROVER, Role.ANALYST);
        List<String> parts = List.of(arguments.string(STEPS.name()).split(","));
        for (String part : parts) {
            if (!List.of("demo", "rebuild", "crash").contains(part.strip())) {
                throw new UsageException("option --steps lists demo, rebuild and crash, not '" + part + "'");
            }
        }
        long seed = CommonOptions.seed(arguments);
        Api api = new Api(base(arguments, MEMBERS_URL), base(arguments, RELIEF_URL), base(arguments, REPORTS_URL), tokens);
        Processes processes = Processes.ofThisRun();
        Steps steps = new Steps(out);
        LocalDate today = LocalDate.now(BUSINESS_ZONE);
        out.printf("System test, seed %d, today %s; the scripts it runs log to %s%n", seed, today, processes.log());

        List<String> problems = new ArrayList<>();
        DemoSteps demo = new DemoSteps(api, tokens, out);
        try {
            if (parts.contains("demo")) {
                problems.addAll(demo.load(steps));
            }
            if (parts.contains("rebuild")) {
                problems.addAll(demo.rebuild(steps));
            }
            if (parts.contains("crash") && problems.isEmpty()) {
                Duration outage = arguments.duration(OUTAGE.name());
                double rate = arguments.positiveInt(RATE.name());
                problems.addAll(new CrashCourse(api, processes, steps, out, today, seed).run(outage, rate));
                if (parts.contains("demo")) {
                    problems.addAll(steps.call("2015 after the crashes: the same figures", demo::compareAgain));
                }
            }
        } catch (SystemTestFailure | DemoFailure e) {
            problems.add(e.getMessage());
        }
        return steps.verdict("System test", problems);
    }

    private static URI base(Arguments arguments, OptionSpec option) {
        String text = arguments.string(option.name());
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new UsageException("option --" + option.name() + " must be http://host:port, not '" + text + "'");
        }
        return uri;
    }
}
