package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.JSON;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.describe;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.field;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.plainHttp;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.ruleOf;

import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.measure.ClosedLoopLoad;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.RequestStats;
import org.memberaid.deploy.loadgen.measure.RssSampler;
import org.memberaid.deploy.loadgen.members.HardshipCause;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

/**
 * Requests and approves hardship relief on relief-service from closed-loop clients, then checks
 * that the funds were charged exactly what the service confirmed.
 *
 * <p>Setup, not measured: registers members in difficulty on members-service, spread over the six
 * counties; allocates a SPECIAL_RELIEF fund per county for a year no earlier run used (the first,
 * counting down from this year, whose six allocations all answer 201, until relief-service refuses
 * the year as outside the programme's years); waits until relief-service's member replica knows
 * every member. Then {@link ReliefPairs} applies the load, and the funds' approved totals
 * are compared with the sum of the approvals answered 200, to the fen.
 *
 * <p>Each request acts as the role the service asks for: registrations as a registrar, funds as an
 * admin, disbursement requests (and the probes and read-backs) as a caseworker, approvals as an
 * approver (another user than the requester).
 */
public final class ReliefScenario implements Scenario {

    static final String SERVICE = "relief-service";
    /** Business dates are those of Asia/Shanghai, as the services count them. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String BUDGET = "1000000000.00";
    /** Passes validation but not the hardship relief band: a probe that never creates a disbursement. */
    static final String PROBE_AMOUNT = "0.01";

    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_PAUSE = Duration.ofMillis(250);
    private static final int SHOWN_FAILURES = 5;
    private static final double TARGET_PAIRS_PER_SECOND = 700;
    private static final double TARGET_P99_MILLIS = 60;

    static final OptionSpec URL = OptionSpec.of("url", "http://localhost:8082", "base URL of relief-service");
    static final OptionSpec MEMBERS_URL = OptionSpec.of("members-url", "http://localhost:8081",
            "base URL of members-service, where the members are registered");
    private static final OptionSpec CLIENTS = OptionSpec.of("clients", "32", "number of closed-loop clients");
    private static final OptionSpec DURATION = OptionSpec.of("duration", "60s", "measured duration (e.g. 60s, 5m)");
    private static final OptionSpec WARMUP = OptionSpec.of("warmup", "10s", "warm-up before the measurement, reported apart");
    private static final OptionSpec MEMBERS = OptionSpec.of("members", "200",
            "members in difficulty registered for the run, spread over the six counties");
    private static final OptionSpec PID_FILE = CommonOptions.pidFileOf(SERVICE);

    private final AccessTokens tokens;
    private final Clock clock;
    private final SetupClient client;

    public ReliefScenario(AccessTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    /** With the clock whose today decides the years tried and the disbursements' date. */
    ReliefScenario(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.client = new SetupClient(tokens);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "relief";
    }

    @Override
    public String summary() {
        return "request + approve disbursements from N closed-loop clients: pairs/s, latencies, funds charged to the fen";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(URL, MEMBERS_URL, CLIENTS, DURATION, WARMUP, MEMBERS, PID_FILE, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws IOException, InterruptedException {
        URI relief = plainHttp(CommonOptions.endpoint(arguments, URL, ""), URL);
        URI members = plainHttp(CommonOptions.endpoint(arguments, MEMBERS_URL, ""), MEMBERS_URL);
        ClosedLoopLoad.Settings settings = new ClosedLoopLoad.Settings(
                arguments.positiveInt(CLIENTS.name()), arguments.duration(WARMUP.name()), arguments.duration(DURATION.name()));
        int memberCount = arguments.positiveInt(MEMBERS.name());
        long seed = CommonOptions.seed(arguments);
        tokens.require(Role.REGISTRAR, Role.ADMIN, Role.CASEWORKER, Role.APPROVER);
        String requester = tokens.bearer(Role.CASEWORKER);
        String approver = tokens.bearer(Role.APPROVER);

        out.printf(Locale.ROOT, "relief: %d clients request + approve HARDSHIP_RELIEF on %s, warm-up %s, then %s measured;"
                        + " %d members; seed %d (repeat with --seed %d)%n",
                settings.clients(), relief, Durations.describe(settings.warmup()), Durations.describe(settings.duration()),
                memberCount, seed, seed);
        Setup setup;
        try {
            setup = setUp(relief, members, memberCount, seed, out);
        } catch (SetupFailure e) {
            out.println("FAILED during setup: " + e.getMessage());
            return FAILURE;
        }

        List<ReliefPairs.Beneficiary> beneficiaries = setup.members.stream()
                .map(member -> new ReliefPairs.Beneficiary(member.id(), setup.funds.get(member.countyCode()).id()))
                .toList();
        ReliefPairs pairs = new ReliefPairs(URI.create(relief + ReliefPairs.DISBURSEMENTS), beneficiaries,
                setup.disbursedOn(), seed, requester, approver);
        RssSampler rss = RssSampler.start(CommonOptions.pidFile(arguments));
        ReliefPairs.Result result;
        try {
            result = pairs.run(settings, out);
        } finally {
            rss.close();
        }
        printReport(result, settings, out);
        out.println(rss.report());
        boolean match = verify(relief, setup, result, out);
        return printVerdict(result, match, out);
    }

    // ---------------------------------------------------------------- setup

    record RegisteredMember(String id, String countyCode) {
    }

    record FundState(String id, BigDecimal approvedBefore) {
    }

    record Setup(List<RegisteredMember> members, int year, Map<String, FundState> funds, LocalDate disbursedOn) {
    }
    private Setup setUp(URI relief, URI members, int memberCount, long seed, PrintStream out)
            throws SetupFailure, InterruptedException {
        List<RegisteredMember> registered = registerMembers(members, memberCount, seed, out);
        LocalDate today = LocalDate.now(clock.withZone(BUSINESS_ZONE));
        // This year first, then earlier ones: next year's disbursements could not be dated yet.
        int year = today.getYear();
        long started = System.nanoTime();
        Map<String, FundState> funds = allocateFunds(relief, year, today, out);
        while (funds == null) {
            year--;
            funds = allocateFunds(relief, year, today, out);
        }
        out.printf(Locale.ROOT, "setup: year %d: a SPECIAL_RELIEF fund of %s yuan per county allocated in %s%n", year, BUDGET,
                Durations.seconds(Duration.ofNanos(System.nanoTime() - started)));
        for (Map.Entry<String, FundState> fund : funds.entrySet()) {
            out.printf("  %s  fund %s  approved before the run %s%n", fund.getKey(), fund.getValue().id(),
                    fund.getValue().approvedBefore().toPlainString());
        }
        // 15 June of the year, or today while this year's 15 June is still ahead
        LocalDate disbursedOn = LocalDate.of(year, 6, 15);
        if (disbursedOn.isAfter(today)) {
            disbursedOn = today;
        }
        awaitReplica(relief, registered, funds, disbursedOn, out);
        return new Setup(registered, year, funds, disbursedOn);
    }

    private List<RegisteredMember> registerMembers(URI members, int count, long seed, PrintStream out)
            throws SetupFailure, InterruptedException {
        SyntheticMembers synthetic = new SyntheticMembers(seed);
        List<String> counties = SyntheticMembers.countyCodes();
        List<RegisteredMember> registered = new ArrayList<>(count);
        Map<String, Integer> perCounty = new TreeMap<>();
        int alreadyRegistered = 0;
        long started = System.nanoTime();
        URI endpoint = URI.create(members + "/api/members");
        for (int i = 0; i < count; i++) {
            SyntheticMember member = synthetic.nextInDifficulty(counties.get(i % counties.size()), List.of(HardshipCause.ILLNESS));
            HttpResponse<String> response = client.post(endpoint, Role.REGISTRAR, MemberJson.toJson(member), Map.of(), "members-service");
            String id;
            if (response.statusCode() == 201) {
                id = field(response, "id");
            } else if (response.statusCode() == 409 && response.body().contains("existingMemberId")) {
                // The same seed on the same day: the member is the one registered by an earlier run.
                id = field(response, "existingMemberId");
                alreadyRegistered++;
            } else {
                throw new SetupFailure("POST " + endpoint + " answered " + describe(response));
            }
            registered.add(new RegisteredMember(id, member.countyCode()));
            perCounty.merge(member.countyCode(), 1, Integer::sum);
        }
        out.printf("setup: %s members in difficulty (ILLNESS) registered on %s in %s%s: %s%n", Figures.count(count), members,
                Durations.seconds(Duration.ofNanos(System.nanoTime() - started)),
                alreadyRegistered == 0 ? "" : " (" + alreadyRegistered + " were registered already, by an earlier run with this seed)",
                perCounty.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
        return registered;
    }

    /**
     * The six funds of the year, or null when the year is (partly) taken. Fails when relief-service
     * refuses the year itself (400 on {@code year}: before the programme's first year), since every
     * year from this one down to it is taken then.
     */
    private Map<String, FundState> allocateFunds(URI relief, int year, LocalDate today, PrintStream out)
            throws SetupFailure, InterruptedException {
        URI endpoint = URI.create(relief + "/api/funds");
        Map<String, FundState> funds = new LinkedHashMap<>();
        for (String county : SyntheticMembers.countyCodes()) {
            String body = String.format(Locale.ROOT,
                    "{\"countyCode\":\"%s\",\"year\":%d,\"kind\":\"SPECIAL_RELIEF\",\"budget\":\"%s\"}", county, year, BUDGET);
            HttpResponse<String> response = client.post(endpoint, Role.ADMIN, body, Map.of(), SERVICE);
            if (response.statusCode() == 409) {
                if (!funds.isEmpty()) {
                    out.printf(Locale.ROOT, "setup: year %d is partly taken (county %s has a fund already); trying %d%n",
                            year, county, year - 1);
                }
                return null;
            }
            if (response.statusCode() == 400 && response.body().contains("\"field\":\"year\"")) {
                throw new SetupFailure("every year from " + today.getYear() + " down to " + (year + 1) + " has SPECIAL_RELIEF"
                        + " funds already, and " + SERVICE + " holds no earlier year (" + describe(response)
                        + "); use a fresh relief database");
            }
            if (response.statusCode() != 201) {
                throw new SetupFailure("POST " + endpoint + " " + body + " answered " + describe(response));
            }
            String id = field(response, "id");
            funds.put(county, new FundState(id, approved(relief, id)));
        }
        return funds;
    }

    /**
     * Probes every member with a request whose amount is below the hardship relief band: while the
     * replica has not heard of the member the answer is 422 member-unknown; once it has, 422
     * amount-band (which also shows that the member is active, in the fund's county and in
     * difficulty). No disbursement is created, and the refused request releases its key.
     */
    private void awaitReplica(URI relief, List<RegisteredMember> members, Map<String, FundState> funds,
            LocalDate disbursedOn, PrintStream out) throws SetupFailure, InterruptedException {
        URI endpoint = URI.create(relief + ReliefPairs.DISBURSEMENTS);
        long started = System.nanoTime();
        long deadline = started + REPLICA_TIMEOUT.toNanos();
        Set<RegisteredMember> pending = new LinkedHashSet<>(members);
        int probes = 0;
        while (true) {
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                RegisteredMember member = iterator.next();
                String body = String.format(Locale.ROOT, "{\"memberId\":\"%s\",\"fundId\":\"%s\",\"kind\":\"HARDSHIP_RELIEF\","
                                + "\"amount\":\"%s\",\"disbursedOn\":\"%s\",\"reason\":\"loadgen probe\"}",
                        member.id(), funds.get(member.countyCode()).id(), PROBE_AMOUNT, disbursedOn);
                HttpResponse<String> response = client.post(endpoint, Role.CASEWORKER, body,
                        Map.of(ReliefPairs.IDEMPOTENCY_KEY, UUID.randomUUID().toString()), SERVICE);
                probes++;
                String rule = response.statusCode() == 422 ? ruleOf(response.body()) : null;
                if ("amount-band".equals(rule)) {
                    iterator.remove();
                } else if (!"member-unknown".equals(rule)) {
                    throw new SetupFailure("the probe " + body + " for member " + member.id() + " answered "
                            + describe(response) + " (expected 422 amount-band, or member-unknown for a while)");
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new SetupFailure(SERVICE + " still does not know " + pending.size() + " of the " + members.size()
                        + " members after " + Durations.describe(REPLICA_TIMEOUT) + " (422 member-unknown): is its"
                        + " consumer of members.events running?");
            }
            Thread.sleep(PROBE_PAUSE.toMillis());
        }
        out.printf("setup: %s knew all %s members %s after the last registration (%s probe requests, none creates a"
                        + " disbursement)%n", SERVICE, Figures.count(members.size()),
                Durations.seconds(Duration.ofNanos(System.nanoTime() - started)), Figures.count(probes));
    }

    // ---------------------------------------------------------------- report

    private static void printReport(ReliefPairs.Result result, ClosedLoopLoad.Settings settings, PrintStream out) {
        ReliefPairs.Phase warmup = result.warmup();
        long warmupPairs = warmup.pairs().cumulative().getTotalCount();
        out.printf("%nwarm-up (not counted below): %s pairs in %s, %s pairs/s; requests %s; approvals %s%n",
                Figures.count(warmupPairs), Durations.seconds(result.warmupElapsed()),
                Figures.rate(warmupPairs, result.warmupElapsed()), Figures.outcomes(warmup.requests().outcomes()),
                Figures.outcomes(warmup.approvals().outcomes()));
        ReliefPairs.Phase measured = result.measured();
        Duration elapsed = result.measuredElapsed();
        Histogram pairs = measured.pairs().cumulative();
        Histogram requests = measured.requests().cumulative();
        Histogram approvals = measured.approvals().cumulative();
        long pairCount = pairs.getTotalCount();
        long succeeded = measured.pairs().outcomes().getOrDefault("approved", 0L);
        out.printf("measured: %s, %d clients%n", Durations.seconds(elapsed), settings.clients());
        out.printf("  pairs            %s (%s approved)%n", Figures.count(pairCount), Figures.count(succeeded));
        out.printf("  throughput       %s pairs/s (%s approved pairs/s); %s HTTP requests/s%n",
                Figures.rate(pairCount, elapsed), Figures.rate(succeeded, elapsed),
                Figures.rate(requests.getTotalCount() + approvals.getTotalCount(), elapsed));
        out.printf("  pair (ms)        %s%n", Figures.latencies(pairs));
        out.printf("  request (ms)     %s   POST /api/disbursements%n", Figures.latencies(requests));
        out.printf("  approval (ms)    %s   POST /api/disbursements/{id}/approval%n", Figures.latencies(approvals));
        out.printf("  requests         %s%n", Figures.outcomes(measured.requests().outcomes()));
        out.printf("  approvals        %s%n", Figures.outcomes(measured.approvals().outcomes()));
        out.printf("  pairs            %s%n", Figures.outcomes(measured.pairs().outcomes()));
        double pairsPerSecond = elapsed.toNanos() > 0 ? pairCount / (elapsed.toNanos() / 1e9) : 0;
        double p99 = pairCount == 0 ? Double.NaN : pairs.getValueAtPercentile(99) / 1000.0;
        out.printf(Locale.ROOT, "  target           >= %.0f pairs/s (with 32 clients; this run: %d): %s; pair p99 <= %.0f ms: %s"
                        + " (reported, not enforced)%n",
                TARGET_PAIRS_PER_SECOND, settings.clients(), pairsPerSecond >= TARGET_PAIRS_PER_SECOND ? "met" : "NOT met",
                TARGET_P99_MILLIS, p99 <= TARGET_P99_MILLIS ? "met" : "NOT met");
    }

    /** Compares the funds' growth with what the service confirmed; prints both. */
    private boolean verify(URI relief, Setup setup, ReliefPairs.Result result, PrintStream out) throws InterruptedException {
        BigDecimal charged = BigDecimal.ZERO.setScale(2);
        try {
            for (FundState fund : setup.funds.values()) {
                charged = charged.add(approved(relief, fund.id()).subtract(fund.approvedBefore()));
            }
        } catch (SetupFailure e) {
            out.println("money: cannot read the funds after the run: " + e.getMessage());
            return false;
        }
        BigDecimal confirmed = result.approvedYuan();
        boolean match = charged.compareTo(confirmed) == 0;
        out.printf("money (warm-up included in both): %s approvals answered 200 for %s yuan; the six funds' approved grew by"
                        + " %s yuan: %s%n", Figures.count(result.approvedPairs()), confirmed.toPlainString(),
                charged.toPlainString(), match ? "MATCH" : "MISMATCH (difference " + charged.subtract(confirmed).toPlainString() + ")");
        if (!result.unansweredApprovals().isEmpty()) {
            explainUnanswered(relief, result.unansweredApprovals(), out);
        }
        return match;
    }

    /** An approval without an answer may still have been made: say which were. */
    private void explainUnanswered(URI relief, List<String> ids, PrintStream out) throws InterruptedException {
        Map<String, Integer> statuses = new TreeMap<>();
        BigDecimal approvedAmount = BigDecimal.ZERO.setScale(2);
        for (String id : ids) {
            try {
                HttpResponse<String> response = client.get(URI.create(relief + ReliefPairs.DISBURSEMENTS + "/" + id), Role.CASEWORKER, SERVICE);
                JsonNode disbursement = JSON.readTree(response.body());
                String status = disbursement.path("status").asText("HTTP " + response.statusCode());
                statuses.merge(status, 1, Integer::sum);
                if ("APPROVED".equals(status)) {
                    approvedAmount = approvedAmount.add(disbursement.path("amount").decimalValue());
                }
            } catch (IOException | SetupFailure e) {
                statuses.merge("unreadable", 1, Integer::sum);
            }
        }
        out.printf("  %d approval(s) got no answer; their disbursements are now %s (APPROVED ones: %s yuan, not in the"
                + " generator's sum)%n", ids.size(), statuses, approvedAmount.toPlainString());
    }

    private static int printVerdict(ReliefPairs.Result result, boolean match, PrintStream out) {
        if (result.failures() == 0 && match) {
            out.println("OK: every pair was answered 201 then 200, and the funds were charged exactly that");
            return SUCCESS;
        }
        List<String> problems = new ArrayList<>();
        if (result.failures() > 0) {
            problems.add(Figures.count(result.failures()) + " pair(s) failed (warm-up included)");
        }
        if (!match) {
            problems.add("the funds' approved totals do not match the approvals answered 200");
        }
        out.println("FAILED: " + String.join("; ", problems));
        printFailures("request", result.warmup().requests(), result.measured().requests(), out);
        printFailures("approval", result.warmup().approvals(), result.measured().approvals(), out);
        return FAILURE;
    }

    private static void printFailures(String what, RequestStats warmup, RequestStats measured, PrintStream out) {
        Set<String> shown = new LinkedHashSet<>(warmup.keptFailures());
        shown.addAll(measured.keptFailures());
        if (!shown.isEmpty()) {
            out.printf("  the first distinct unexpected %s answers:%n", what);
            shown.stream().limit(SHOWN_FAILURES).forEach(failure -> out.println("    " + failure));
        }
    }

    // ---------------------------------------------------------------- HTTP for setup and verification

    private BigDecimal approved(URI relief, String fundId) throws SetupFailure, InterruptedException {
        HttpResponse<String> response = client.get(URI.create(relief + "/api/funds/" + fundId), Role.ADMIN, SERVICE);
        if (response.statusCode() != 200) {
            throw new SetupFailure("GET /api/funds/" + fundId + " answered " + describe(response));
        }
        try {
            JsonNode approved = JSON.readTree(response.body()).get("approved");
            if (approved == null || !approved.isNumber()) {
                throw new SetupFailure("GET /api/funds/" + fundId + " has no number 'approved': " + describe(response));
            }
            return approved.decimalValue();
        } catch (IOException e) {
            throw new SetupFailure("GET /api/funds/" + fundId + " answered " + describe(response));
        }
    }
    /** The "rule" of a problem+json body, or null. */
}
