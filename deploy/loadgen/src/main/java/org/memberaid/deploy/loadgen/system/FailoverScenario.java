package org.memberaid.deploy.loadgen.system;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.scenario.CommonOptions;
import org.memberaid.deploy.loadgen.system.Api.Answer;
import org.memberaid.deploy.loadgen.system.SecondStream.Attempt;

/**
 * The failover test, against the system {@code deploy/run.sh --cluster} started (3 Kafka nodes, two
 * instances of each service): throughput with one instance and with two; then, under writes spread
 * over both instances, kill -9 a Kafka node (and start it again), kill -9 the instance of
 * members-service and of relief-service that relays the outbox (the other must take over), kill -9
 * a reporting instance; then, idle, nothing lost, nothing doubled, no fund overspent, the reports
 * equal to the registry and the ledger.
 */
public final class FailoverScenario implements Scenario {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern LEADER = Pattern.compile("(?m)^memberaid_outbox_relay_leader(?:\\{[^}]*})? ([0-9.]+)");
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(60);
    private static final String PAIRS_COUNTY = "620723";

    private static final OptionSpec FIRST = OptionSpec.of("first", "http://localhost",
            "host of both instances: the first on 8081-8083, the second on 8091-8093 (deploy/run.sh --cluster)");
    private static final OptionSpec MEASURE = OptionSpec.of("measure", "20s", "each throughput measurement");
    private static final OptionSpec CLIENTS = OptionSpec.of("clients", "16", "closed-loop clients of the throughput measurements");
    private static final OptionSpec RATE = OptionSpec.of("rate", "40", "writes per second of the stream during the failures");
    private static final OptionSpec OUTAGE = OptionSpec.of("outage", "15s", "how long the killed Kafka node stays dead");

    private final AccessTokens tokens;

    public FailoverScenario(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "failover";
    }

    @Override
    public String summary() {
        return "against deploy/run.sh --cluster: throughput with 1 and 2 instances; kill -9 a broker, the relay leaders, a reporting instance";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(FIRST, MEASURE, CLIENTS, RATE, OUTAGE, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws Exception {
        tokens.require(Role.REGISTRAR, Role.ADMIN, Role.CASEWORKER, Role.APPROVER, Role.ANALYST);
        String host = arguments.string(FIRST.name());
        if (!host.startsWith("http://")) {
            throw new UsageException("option --first must be http://HOST, not '" + host + "'");
        }
        List<Api> instances = List.of(instance(host, 0), instance(host, 1));
        long seed = CommonOptions.seed(arguments);
        Processes processes = Processes.ofThisRun();
        Steps steps = new Steps(out);
        LocalDate today = LocalDate.now(BUSINESS_ZONE);
        out.printf("Failover test, seed %d, today %s; the scripts it runs log to %s%n", seed, today, processes.log());
        List<String> problems = new ArrayList<>();
        try {
            for (int i = 0; i < instances.size(); i++) {
                CrashCourse.awaitReady(instances.get(i), i);
            }
            measure(instances, arguments, seed, today, steps, out);
            problems.addAll(fail(instances, processes, arguments, seed, today, steps, out));
        } catch (SystemTestFailure e) {
            problems.add(e.getMessage());
        }
        return steps.verdict("Failover test", problems);
    }

    private Api instance(String host, int index) {
        return new Api(URI.create(host + ":" + (8081 + 10 * index)), URI.create(host + ":" + (8082 + 10 * index)),
                URI.create(host + ":" + (8083 + 10 * index)), tokens);
    }

    /** Registrations and disbursement pairs, closed loop, against the first instance, then against both. */
    private void measure(List<Api> instances, Arguments arguments, long seed, LocalDate today, Steps steps,
            PrintStream out) throws Exception {
        Duration duration = arguments.duration(MEASURE.name());
        int clients = arguments.positiveInt(CLIENTS.name());
        Throughput throughput = new Throughput(seed, today);
        String fund = CrashCourse.fund(instances.get(0), PAIRS_COUNTY, today.getYear(), new BigDecimal("1000000000.00"));
        List<String> members = throughput.registerInDifficulty(instances.get(0), PAIRS_COUNTY, 200);
        steps.run("relief knows the 200 members of the pairs", () -> CrashCourse.await(
                () -> known(instances.get(0), members.get(members.size() - 1), fund, today), Duration.ofSeconds(60),
                "relief to know the pairs' members"));
        // Both instances' code warmed up first (the JIT), so that neither measurement pays for it.
        steps.run("warm-up over both instances", () -> {
            throughput.registrations(instances, clients, duration.dividedBy(2));
            throughput.pairs(instances, members, fund, today, clients, duration.dividedBy(2));
        });
        Map<String, Throughput.Result> results = new LinkedHashMap<>();
        for (int count = 1; count <= 2; count++) {
            List<Api> used = instances.subList(0, count);
            String label = count == 1 ? "one instance" : "two instances";
            results.put("registrations, " + label, steps.call("registrations, " + clients + " clients, " + label,
                    () -> throughput.registrations(used, clients, duration)));
            results.put("disbursement pairs, " + label, steps.call("disbursement pairs, " + clients + " clients, " + label,
                    () -> throughput.pairs(used, members, fund, today, clients, duration)));
        }
        out.println();
        out.println("Throughput (2 cores: both instances share them with PostgreSQL, 3 Kafka nodes and the load):");
        results.forEach((label, result) -> out.printf(Locale.ROOT, "  %-36s %8.0f/s  (%,d done, %,d failed, %.1f s)%n",
                label, result.perSecond(), result.completed(), result.failed(), result.took().toNanos() / 1e9));
    }

    private boolean known(Api api, String memberId, String fund, LocalDate today) {
        try {
            Answer probe = api.post(api.relief, "/api/disbursements", Role.CASEWORKER, String.format(
                    "{\"memberId\":\"%s\",\"fundId\":\"%s\",\"kind\":\"HARDSHIP_RELIEF\",\"amount\":0.01,\"disbursedOn\":\"%s\"}",
                    memberId, fund, today), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            return probe != null && probe.status() == 422 && "amount-band".equals(probe.rule());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> fail(List<Api> instances, Processes processes, Arguments arguments, long seed, LocalDate today,
            Steps steps, PrintStream out) throws Exception {
        Api first = instances.get(0);
        Map<String, String> funds = new LinkedHashMap<>();
        for (String county : CrashCourse.STREAM_COUNTIES) {
            funds.put(county, CrashCourse.fund(first, county, today.getYear(), new BigDecimal("5000000.00")));
        }
        SecondStream stream = new SecondStream(instances, funds, today, seed ^ 0xfa11);
        stream.start(4, arguments.positiveInt(RATE.name()));
        List<String> problems = new ArrayList<>();
        try {
            steps.run("stream over both instances under way (20 approvals answered)", () -> CrashCourse.await(
                    () -> stream.approvalsAnswered() >= 20, Duration.ofSeconds(90), "the stream's first 20 approvals"));

            Duration outage = arguments.duration(OUTAGE.name());
            steps.run("kill -9 Kafka node 2, " + outage.toSeconds() + " s without it, start it", () -> {
                long before = stream.registrationsAnswered();
                processes.killBrokerNode(2);
                Thread.sleep(outage.toMillis()); // the outage itself
                out.printf("    %d registrations answered while node 2 was dead%n", stream.registrationsAnswered() - before);
                processes.startBrokerNode(2);
            });
            progress(stream, out);

            for (String service : List.of("members-service", "relief-service")) {
                steps.run("kill -9 the " + service + " instance that relays the outbox", () -> {
                    int leader = awaitLeader(instances, service);
                    int other = 1 - leader;
                    long killed = System.nanoTime();
                    processes.killService(leader == 0 ? service : service + "-2");
                    CrashCourse.await(() -> leads(instances.get(other), other, service), TAKEOVER_TIMEOUT,
                            "instance " + (other + 1) + " of " + service + " to take the relay over");
                    out.printf("    instance %d was the leader; instance %d relays %s after the kill%n", leader + 1,
                            other + 1, CrashCourse.since(killed));
                    processes.startSystem();
                });
                progress(stream, out);
            }

            steps.run("kill -9 reporting-service instance 2, start it", () -> {
                long killed = System.nanoTime();
                processes.killService("reporting-service-2");
                CrashCourse.await(() -> CrashCourse.caughtUp(first), Duration.ofSeconds(120), "reporting's lag 0 with one instance");
                out.printf("    instance 1 took over every partition: lag 0 %s after the kill%n", CrashCourse.since(killed));
                processes.startSystem();
            });
            long answered = stream.registrationsAnswered();
            steps.run("the stream goes on (20 more registrations)", () -> CrashCourse.await(
                    () -> stream.registrationsAnswered() >= answered + 20, Duration.ofSeconds(90), "more registrations"));
            List<Attempt> attempts = stream.stop();
            progress(stream, out);

            steps.run("idle: both instances ready, reporting caught up", () -> {
                for (int i = 0; i < instances.size(); i++) {
                    CrashCourse.awaitReady(instances.get(i), i);
                }
                CrashCourse.await(() -> CrashCourse.caughtUp(first), Duration.ofSeconds(120), "reporting's lag 0");
            });
            Readback.Result readback = steps.call("read back every write of the stream", () -> new Readback(first).check(attempts));
            CrashCourse.printReadback(readback, out);
            problems.addAll(readback.problems());
            Books books = new Books(first);
            problems.addAll(steps.call("funds against disbursements", () -> books.funds(out)));
            problems.addAll(steps.call("reports against the registry and the ledger",
                    () -> books.reports(today.getYear(), out)));
        } finally {
            stream.stop();
        }
        return problems;
    }

    /** Which instance (0 or 1) relays the service's outbox, once exactly one does. */
    private static int awaitLeader(List<Api> instances, String service) throws InterruptedException, SystemTestFailure {
        long deadline = System.nanoTime() + TAKEOVER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean first = leads(instances.get(0), 0, service);
            boolean second = leads(instances.get(1), 1, service);
            if (first != second) {
                return first ? 0 : 1;
            }
            Thread.sleep(100);
        }
        throw new SystemTestFailure("no single instance of " + service + " relays its outbox");
    }

    /** Whether the instance's memberaid_outbox_relay_leader gauge says 1. */
    private static boolean leads(Api api, int index, String service) {
        URI base = switch (service) {
            case "members-service" -> api.members;
            case "relief-service" -> api.relief;
            default -> api.reports;
        };
        try {
            Answer metrics = api.send(HttpRequest.newBuilder(CrashCourse.management(base, index).resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build());
            if (metrics == null || metrics.status() != 200) {
                return false;
            }
            Matcher leader = LEADER.matcher(metrics.text());
            return leader.find() && Double.parseDouble(leader.group(1)) == 1.0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void progress(SecondStream stream, PrintStream out) {
        out.println("    stream so far: " + stream.progress());
    }
}
