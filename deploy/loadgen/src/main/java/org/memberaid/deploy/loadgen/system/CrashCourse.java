package org.memberaid.deploy.loadgen.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;
import org.memberaid.deploy.loadgen.system.Api.Answer;
import org.memberaid.deploy.loadgen.system.SecondStream.Attempt;
import org.memberaid.deploy.loadgen.system.SecondStream.Kind;

/**
 * Step 3 of the system test: under a second stream of writes ({@link SecondStream}), kill -9
 * reporting-service and start it; kill -9 the Kafka broker for a while and start it; kill -9
 * relief-service while a cycle and disbursements are being approved and start it; kill -9
 * members-service during registrations and start it; restart PostgreSQL. Then, idle: every write
 * read back ({@link Readback}), the cycle charged once, the books exact ({@link Books}).
 */
final class CrashCourse {

    /** The counties whose hardship relief the stream requests, and the county of the cycle. */
    static final List<String> STREAM_COUNTIES = List.of("620722", "620724");
    static final String CYCLE_COUNTY = "620702";
    private static final int CYCLE_MEMBERS = 3;
    private static final BigDecimal CYCLE_AMOUNT = new BigDecimal("400.00");
    private static final BigDecimal BUDGET_STEP = new BigDecimal("5000000.00");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final int WRITERS = 4;

    private final Api api;
    private final Processes processes;
    private final Steps steps;
    private final PrintStream out;
    private final LocalDate today;
    private final long seed;

    CrashCourse(Api api, Processes processes, Steps steps, PrintStream out, LocalDate today, long seed) {
        this.api = api;
        this.processes = processes;
        this.steps = steps;
        this.out = out;
        this.today = today;
        this.seed = seed;
    }

    /** @return the problems found; none when the system kept everything exact */
    List<String> run(Duration brokerOutage, double writesPerSecond) throws Exception {
        int year = today.getYear();
        Map<String, String> funds = new LinkedHashMap<>();
        for (String county : STREAM_COUNTIES) {
            funds.put(county, fund(county, year));
        }
        String cycleFund = fund(CYCLE_COUNTY, year);
        List<String> cycleMembers = registerCycleMembers();

        SecondStream stream = new SecondStream(api, funds, today, seed);
        stream.start(WRITERS, writesPerSecond);
        List<String> problems = new ArrayList<>();
        try {
            steps.run("second stream under way (20 approvals answered)", () -> await(() -> stream.approvalsAnswered() >= 20,
                    Duration.ofSeconds(90), "the stream's first 20 approvals"));

            steps.run("kill -9 reporting-service, start it", () -> {
                long killed = System.nanoTime();
                processes.killService("reporting-service");
                processes.startSystem();
                awaitCaughtUp();
                out.printf("    reporting caught up with the topics %s after the kill%n", since(killed));
            });
            progress(stream);

            steps.run("kill -9 the Kafka broker, " + brokerOutage.toSeconds() + " s without it, start it", () -> {
                processes.killBroker();
                Thread.sleep(brokerOutage.toMillis()); // the outage itself, not a wait for a condition
                processes.startBroker();
                awaitReady();
            });
            progress(stream);

            JsonNode cycle = steps.call("draft and evaluate a living-subsidy cycle in " + CYCLE_COUNTY,
                    () -> draftCycle(cycleFund, year, cycleMembers));
            long approvalsBefore = stream.approvalsAnswered();
            Answer[] firstApproval = new Answer[1];
            steps.run("kill -9 relief-service during approvals (the cycle's and the stream's), start it", () -> {
                await(() -> stream.approvalsAnswered() >= approvalsBefore + 5, Duration.ofSeconds(60),
                        "stream approvals before the kill");
                CompletableFuture<Answer> approval = CompletableFuture.supplyAsync(() -> approveCycle(cycle));
                Thread.sleep(10 + Math.floorMod(seed, 30));
                long killed = System.nanoTime();
                processes.killService("relief-service");
                firstApproval[0] = approval.join();
                processes.startSystem();
                long requests = stream.requestsAnswered();
                await(() -> stream.requestsAnswered() > requests, READY_TIMEOUT, "a request answered after the restart");
                out.printf("    relief answered a request of a member registered meanwhile %s after the kill%n",
                        since(killed));
            });
            out.printf("    the cycle's approval, cut by the kill, answered %s%n",
                    firstApproval[0] == null ? "nothing" : "HTTP " + firstApproval[0].status());
            JsonNode approved = steps.call("approve the cycle again, as its approver retries", () -> retryApproval(cycle));
            progress(stream);

            long registrationsBefore = stream.registrationsAnswered();
            steps.run("kill -9 members-service during registrations, start it", () -> {
                await(() -> stream.registrationsAnswered() >= registrationsBefore + 5, Duration.ofSeconds(60),
                        "registrations before the kill");
                long killed = System.nanoTime();
                processes.killService("members-service");
                long registrations = stream.registrationsAnswered();
                processes.startSystem();
                await(() -> stream.registrationsAnswered() > registrations, READY_TIMEOUT, "a registration after the restart");
                out.printf("    members-service registered again %s after the kill%n", since(killed));
            });
            progress(stream);

            steps.run("restart PostgreSQL", () -> {
                processes.restartPostgres();
                awaitReady();
            });
            long registrationsAfter = stream.registrationsAnswered();
            steps.run("the stream goes on (20 more registrations answered)", () -> await(
                    () -> stream.registrationsAnswered() >= registrationsAfter + 20, Duration.ofSeconds(90),
                    "registrations after the restart"));
            List<Attempt> attempts = stream.stop();
            progress(stream);

            steps.run("idle: every service ready, reporting caught up", this::awaitIdle);
            Readback.Result readback = steps.call("read back every write of the stream",
                    () -> new Readback(api).check(attempts));
            printReadback(readback, out);
            problems.addAll(readback.problems());
            problems.addAll(steps.call("the cycle: paid once", () -> checkCycle(approved)));
            Books books = new Books(api);
            problems.addAll(steps.call("funds against disbursements", () -> books.funds(out)));
            problems.addAll(steps.call("reports against the registry and the ledger",
                    () -> books.reports(year, out)));
        } finally {
            stream.stop();
        }
        return problems;
    }

    private String fund(String county, int year) throws InterruptedException, SystemTestFailure {
        return fund(api, county, year, BUDGET_STEP);
    }

    /** This year's SPECIAL_RELIEF fund of the county, allocated or topped up to at least {@code remaining} left. */
    static String fund(Api api, String county, int year, BigDecimal remaining) throws InterruptedException, SystemTestFailure {
        JsonNode page = api.read(api.relief, "/api/funds?countyCode=" + county + "&year=" + year, Role.ADMIN);
        for (JsonNode fund : page.path("items")) {
            if ("SPECIAL_RELIEF".equals(fund.path("kind").asText())) {
                String id = fund.path("id").asText();
                if (fund.path("remaining").decimalValue().compareTo(remaining) < 0) {
                    BigDecimal budget = fund.path("approved").decimalValue().add(remaining);
                    expect(api.patch(api.relief, "/api/funds/" + id, Role.ADMIN, Map.of("budget", budget)), 200,
                            "raising the budget of fund " + id);
                }
                return id;
            }
        }
        Answer created = api.post(api.relief, "/api/funds", Role.ADMIN,
                Map.of("countyCode", county, "year", year, "kind", "SPECIAL_RELIEF", "budget", remaining), Map.of());
        return expect(created, 201, "allocating a fund in " + county).path("id").asText();
    }

    /** Members of the cycle's county whom the living subsidy is for, so that the cycle is never empty. */
    private List<String> registerCycleMembers() throws InterruptedException, SystemTestFailure {
        SyntheticMembers synthetic = new SyntheticMembers(seed ^ 0x5eed, today);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CYCLE_MEMBERS; i++) {
            SyntheticMember member = synthetic.nextForLivingSubsidy(CYCLE_COUNTY, 72);
            ids.add(expect(api.post(api.members, "/api/members", Role.REGISTRAR, MemberJson.toJson(member), Map.of()),
                    201, "registering a member for the cycle").path("id").asText());
        }
        return ids;
    }

    /** The cycle, drafted and evaluated until it entitles the members registered for it (relief has read them). */
    private JsonNode draftCycle(String fundId, int year, List<String> members) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("countyCode", CYCLE_COUNTY);
        body.put("year", year);
        body.put("kind", "LIVING_SUBSIDY");
        body.put("fundId", fundId);
        body.put("name", "system test " + seed);
        body.put("amount", CYCLE_AMOUNT);
        body.put("disbursedOn", today.toString());
        JsonNode cycle = expect(api.post(api.relief, "/api/cycles", Role.CASEWORKER, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "drafting the cycle");
        String id = cycle.path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode evaluated = expect(api.post(api.relief, "/api/cycles/" + id + "/evaluation", Role.CASEWORKER, "{}",
                    Map.of()), 200, "evaluating the cycle");
            Set<String> entitled = new TreeSet<>();
            JsonNode page = api.read(api.relief, "/api/cycles/" + id + "/entitlements?size=500", Role.CASEWORKER);
            page.path("items").forEach(item -> entitled.add(item.path("memberId").asText()));
            if (entitled.containsAll(members)) {
                BigDecimal total = evaluated.path("total").decimalValue();
                JsonNode fund = api.read(api.relief, "/api/funds/" + fundId, Role.ADMIN);
                if (fund.path("remaining").decimalValue().compareTo(total) < 0) {
                    expect(api.patch(api.relief, "/api/funds/" + fundId, Role.ADMIN,
                            Map.of("budget", fund.path("approved").decimalValue().add(total).add(BUDGET_STEP))), 200,
                            "raising the cycle's fund");
                }
                out.printf("    cycle %s: %d entitled, %s yuan%n", id, evaluated.path("entitlements").asInt(),
                        total.toPlainString());
                return evaluated;
            }
            if (System.nanoTime() > deadline) {
                throw new SystemTestFailure("relief-service did not entitle the members registered for the cycle within 60 s");
            }
            Thread.sleep(250);
        }
    }

    private Answer approveCycle(JsonNode cycle) {
        try {
            return api.post(api.relief, "/api/cycles/" + cycle.path("id").asText() + "/approval", Role.APPROVER, "{}",
                    Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The approver sends the approval again until it is answered: a retried approval answers the approved cycle. */
    private JsonNode retryApproval(JsonNode cycle) throws InterruptedException, SystemTestFailure {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Answer answer = approveCycle(cycle);
            if (answer != null && answer.status() == 200) {
                if (!"APPROVED".equals(answer.body().path("status").asText())) {
                    throw new SystemTestFailure("the retried approval answered " + answer);
                }
                return answer.body();
            }
            if ((answer != null && answer.status() < 500 && answer.status() != 409) || System.nanoTime() > deadline) {
                throw new SystemTestFailure("the retried approval of the cycle answered "
                        + (answer == null ? "nothing" : answer));
            }
            Thread.sleep(250);
        }
    }

    /** One APPROVED disbursement per entitlement, naming the cycle, adding up to its total. */
    private List<String> checkCycle(JsonNode cycle) throws InterruptedException, SystemTestFailure {
        String id = cycle.path("id").asText();
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (int page = 0; ; page++) {
            JsonNode answer = api.read(api.relief, "/api/disbursements?countyCode=" + CYCLE_COUNTY
                    + "&kind=LIVING_SUBSIDY&size=500&page=" + page, Role.CASEWORKER);
            for (JsonNode disbursement : answer.path("items")) {
                if (id.equals(disbursement.path("cycleId").asText())) {
                    count++;
                    sum = sum.add(disbursement.path("amount").decimalValue());
                }
            }
            if (answer.path("items").size() < 500) {
                break;
            }
        }
        int entitlements = cycle.path("entitlements").asInt();
        BigDecimal total = cycle.path("total").decimalValue();
        out.printf("    cycle %s: %d disbursements, %s yuan; entitlements %d, total %s%n", id, count,
                sum.toPlainString(), entitlements, total.toPlainString());
        if (count != entitlements || sum.compareTo(total) != 0) {
            return List.of("the cycle " + id + " made " + count + " disbursements of " + sum.toPlainString()
                    + " yuan for " + entitlements + " entitlements of " + total.toPlainString());
        }
        return List.of();
    }

    static void printReadback(Readback.Result result, PrintStream out) {
        for (Map.Entry<Kind, long[]> entry : result.counts().entrySet()) {
            long[] counts = entry.getValue();
            out.printf("    %-21s %,6d written; %,d answered 5xx or nothing, of which %,d found applied once, %,d not at all%n",
                    entry.getKey().name().toLowerCase().replace('_', ' '), counts[0], counts[1], counts[2],
                    counts[1] - counts[2]);
        }
        out.println("    " + (result.passed() ? "every write answered 2xx is there exactly once, every refused one"
                + " absent, none twice" : "PROBLEMS: " + result.problems().size()));
    }

    private void progress(SecondStream stream) {
        out.println("    stream so far: " + stream.progress());
    }

    /** Every service ready (their readiness includes PostgreSQL and Kafka). */
    void awaitReady() throws InterruptedException, SystemTestFailure {
        awaitReady(api, 0);
    }

    /**
     * Every service of one instance ready; instance {@code index} (0 for the first) has its
     * management port at its HTTP port + 1000 + 100 × index, as deploy/lib.sh places them.
     */
    static void awaitReady(Api api, int index) throws InterruptedException, SystemTestFailure {
        for (URI base : List.of(api.members, api.relief, api.reports)) {
            URI health = management(base, index).resolve("/q/health/ready");
            await(() -> {
                try {
                    Answer answer = api.send(HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(5)).GET().build());
                    return answer != null && answer.status() == 200;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, READY_TIMEOUT, health + " UP");
        }
    }

    /** Ready, and reporting has applied every event on the topics. */
    private void awaitIdle() throws InterruptedException, SystemTestFailure {
        awaitReady();
        awaitCaughtUp();
    }

    private void awaitCaughtUp() throws InterruptedException, SystemTestFailure {
        await(() -> caughtUp(api), READY_TIMEOUT, "reporting's lag 0");
    }

    /** Whether reporting has applied every event on the topics (freshness lag 0). */
    static boolean caughtUp(Api api) {
        try {
            Answer answer = api.get(api.reports, "/api/reports/freshness", Role.ANALYST);
            return answer != null && answer.status() == 200 && answer.body().path("lag").isNumber()
                    && answer.body().path("lag").asLong() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The management interface of the instance whose API is {@code base}. */
    static URI management(URI base, int index) {
        return URI.create("http://" + base.getHost() + ":" + (base.getPort() + 1000 + 100 * index));
    }

    static String since(long started) {
        return Durations.seconds(Duration.ofNanos(System.nanoTime() - started));
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException, SystemTestFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new SystemTestFailure("waited " + timeout.toSeconds() + " s in vain for " + what);
            }
            Thread.sleep(100);
        }
    }

    static JsonNode expect(Answer answer, int status, String what) throws SystemTestFailure {
        if (answer == null || answer.status() != status || answer.body() == null) {
            throw new SystemTestFailure(what + " answered " + (answer == null ? "nothing" : answer) + ", expected HTTP " + status);
        }
        return answer.body();
    }
}
