package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.describe;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.expect;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.field;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.plainHttp;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.ruleOf;

import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.members.CountyCensus;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;
import org.memberaid.deploy.loadgen.scenario.SetupClient.Timed;

/**
 * A county's living-subsidy cycle on relief-service, from synthetic members imported for it: what
 * the cycle and payments scenarios share. The steps: read the county's policy (the subsidy's band
 * and age); generate the members ({@link CountyCensus}) and import them with one
 * {@code POST /api/members/import} (registrar); make sure the county's SPECIAL_RELIEF fund of this
 * year (Asia/Shanghai) exists and has {@code members × amount} left (allocated, or its budget
 * raised, as an admin); wait until relief-service's member replica knows the last imported members
 * (looked up on members-service by national ID, then probed on relief as the relief scenario
 * does); then draft the cycle (caseworker), evaluate it (caseworker, the creator) and approve it
 * (approver, another user), the last two timed from the first byte sent to the whole answer.
 */
final class CountyCycle {

    static final String SERVICE = "relief-service";
    static final String KIND = "LIVING_SUBSIDY";
    static final String IMPORT_CONTENT_TYPE = "text/csv; charset=UTF-8";
    /** An evaluation or approval of a large county, or an import, may take long; the report says how long. */
    static final Duration LONG_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(120);
    static final Duration PROBE_PAUSE = Duration.ofMillis(250);
    /**
     * The import's events reach relief in the order of the file within each partition (6 on the
     * local broker): when the last rows are known, with 64 of them every partition holds one but
     * with odds of about 6 × (5/6)^64 ≈ 0.00005, and so everything before them is applied too.
     */
    private static final int PROBED_MEMBERS = 64;
    private static final int SHOWN_REJECTIONS = 5;
    /** A fund allocated by the scenario gets at least this, above the default SPECIAL_RELIEF floor (500,000). */
    private static final BigDecimal MIN_BUDGET = new BigDecimal("1000000.00");

    static final OptionSpec URL = OptionSpec.of("url", "http://localhost:8082", "base URL of relief-service");
    static final OptionSpec MEMBERS_URL = OptionSpec.of("members-url", "http://localhost:8081",
            "base URL of members-service, where the members are imported");
    static final OptionSpec AMOUNT = OptionSpec.of("amount", "500",
            "yuan per member, within the county's living subsidy band (300-500 by default)");
    static final OptionSpec ELIGIBLE = OptionSpec.of("eligible", "40",
            "percent of the members made eligible for the living subsidy (in difficulty, aged 70+, no labour capacity, no income)");
    static final OptionSpec PID_FILE = CommonOptions.pidFileOf(SERVICE);

    private final SetupClient client;

    CountyCycle(SetupClient client) {
        this.client = client;
    }

    /** The --county option with the scenario's own default, so that scenarios run one after another keep apart. */
    static OptionSpec countyOption(String defaultCounty) {
        return OptionSpec.of("county", defaultCounty, "county of the members and the cycle (one of Zhangye's six)");
    }

    /** What a run is about: read from the options. */
    record Plan(URI relief, URI members, int memberCount, String county, BigDecimal amount, int eligiblePercent,
            long seed, LocalDate today) {

        /**
         * @param memberCount how many members to import, given the share made eligible
         * @param clock whose today (in Asia/Shanghai) is the cycle's date and the members' today
         */
        static Plan of(Arguments arguments, Clock clock, IntUnaryOperator memberCount) {
            URI relief = plainHttp(CommonOptions.endpoint(arguments, URL, ""), URL);
            URI members = plainHttp(CommonOptions.endpoint(arguments, MEMBERS_URL, ""), MEMBERS_URL);
            String county = arguments.string("county").strip();
            if (!SyntheticMembers.countyCodes().contains(county)) {
                throw new UsageException("option --county must be one of Zhangye's counties " + SyntheticMembers.countyCodes()
                        + ", not '" + county + "'");
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(arguments.string(AMOUNT.name()).strip());
            } catch (NumberFormatException e) {
                throw new UsageException("option --amount must be yuan such as 500 or 450.50, not '" + arguments.string(AMOUNT.name()) + "'");
            }
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new UsageException("option --amount must be positive yuan with at most 2 decimals, not " + amount.toPlainString());
            }
            int percent;
            try {
                percent = Integer.parseInt(arguments.string(ELIGIBLE.name()).strip());
            } catch (NumberFormatException e) {
                throw new UsageException("option --eligible must be a whole percentage, not '" + arguments.string(ELIGIBLE.name()) + "'");
            }
            if (percent < 0 || percent > 100) {
                throw new UsageException("option --eligible must be 0 to 100, not " + percent);
            }
            return new Plan(relief, members, memberCount.applyAsInt(percent), county, amount.setScale(2),
                    percent, CommonOptions.seed(arguments), LocalDate.now(clock.withZone(SyntheticMembers.BUSINESS_ZONE)));
        }

        BigDecimal needed() {
            return amount.multiply(BigDecimal.valueOf(memberCount));
        }
    }

    /** The county's living subsidy rules. */
    record Policy(BigDecimal min, BigDecimal max, int age) {
    }

    record FundState(String id, BigDecimal budget, BigDecimal approved, BigDecimal remaining) {
    }

    record Evaluated(Duration elapsed, int entitlements, BigDecimal total, Map<String, Integer> excluded) {
    }

    // ---------------------------------------------------------------- setup

    Policy readPolicy(Plan plan, PrintStream out) throws SetupFailure, InterruptedException {
        HttpResponse<String> response = client.get(URI.create(plan.relief() + "/api/policies/" + plan.county()), Role.CASEWORKER,
                SERVICE);
        JsonNode body = expect(response, 200);
        JsonNode min = body.get("livingSubsidyMin");
        JsonNode max = body.get("livingSubsidyMax");
        JsonNode age = body.get("livingSubsidyAge");
        if (min == null || !min.isNumber() || max == null || !max.isNumber() || age == null || !age.canConvertToInt()) {
            throw new SetupFailure("GET /api/policies/" + plan.county() + " has no livingSubsidyMin/Max/Age: " + describe(response));
        }
        Policy policy = new Policy(yuan(min.decimalValue()), yuan(max.decimalValue()), age.asInt());
        out.printf("setup: policy of %s: the living subsidy is %s to %s yuan, from age %d%n", plan.county(),
                policy.min().toPlainString(), policy.max().toPlainString(), policy.age());
        if (plan.amount().compareTo(policy.min()) < 0 || plan.amount().compareTo(policy.max()) > 0) {
            throw new SetupFailure("--amount " + plan.amount().toPlainString() + " lies outside the county's band "
                    + policy.min().toPlainString() + "-" + policy.max().toPlainString() + " (relief would answer 422 amount-band)");
        }
        if (policy.age() > 93) {
            throw new SetupFailure("the county's living subsidy age " + policy.age() + " leaves no synthetic member (aged 18-95) eligible");
        }
        return policy;
    }

    static CountyCensus generate(Plan plan, Policy policy, PrintStream out) {
        long started = System.nanoTime();
        CountyCensus census = CountyCensus.generate(new SyntheticMembers(plan.seed(), plan.today()), plan.county(),
                plan.memberCount(), plan.eligiblePercent(), policy.age());
        int qualifying = census.qualifying(plan.today(), policy.age());
        out.printf(Locale.ROOT, "setup: %s members of %s generated in %s: %s made eligible (%d %%: in difficulty, aged %d+,"
                        + " no labour capacity, no income), %s more of the others qualify by chance; %s qualifying%n",
                Figures.count(plan.memberCount()), plan.county(), Durations.seconds(Duration.ofNanos(System.nanoTime() - started)),
                Figures.count(census.madeEligible()), plan.eligiblePercent(), policy.age(),
                Figures.count(qualifying - census.madeEligible()), Figures.count(qualifying));
        return census;
    }

    /**
     * The county's SPECIAL_RELIEF fund of this year, allocated when missing, its budget raised
     * when less than {@code members × amount} is left.
     */
    FundState ensureFund(Plan plan, PrintStream out) throws SetupFailure, InterruptedException {
        int year = plan.today().getYear();
        BigDecimal budget = plan.needed().max(MIN_BUDGET);
        String body = String.format(Locale.ROOT, "{\"countyCode\":\"%s\",\"year\":%d,\"kind\":\"SPECIAL_RELIEF\",\"budget\":\"%s\"}",
                plan.county(), year, budget.toPlainString());
        URI funds = URI.create(plan.relief() + "/api/funds");
        HttpResponse<String> response = client.post(funds, Role.ADMIN, body, Map.of(), SERVICE, SetupClient.TIMEOUT);
        FundState fund;
        if (response.statusCode() == 201) {
            fund = fundState(plan, field(response, "id"));
            out.printf("setup: fund %s: SPECIAL_RELIEF %s/%d allocated, budget %s yuan%n", fund.id(), plan.county(), year,
                    fund.budget().toPlainString());
        } else if (response.statusCode() == 409 && response.body().contains("existingFundId")) {
            // 409 duplicate-fund: the county has this year's fund already (an earlier run, the relief scenario).
            fund = fundState(plan, field(response, "existingFundId"));
            out.printf("setup: fund %s: SPECIAL_RELIEF %s/%d exists: budget %s, approved %s, remaining %s yuan%n", fund.id(),
                    plan.county(), year, fund.budget().toPlainString(), fund.approved().toPlainString(),
                    fund.remaining().toPlainString());
        } else {
            throw new SetupFailure("POST " + funds + " " + body + " answered " + describe(response));
        }
        if (fund.remaining().compareTo(plan.needed()) < 0) {
            fund = raiseBudget(plan, fund, fund.approved().add(plan.needed()).max(MIN_BUDGET), out);
        }
        return fund;
    }

    /** After the evaluation: other members of the county may be entitled too; the fund must cover the total. */
    void raiseBudgetIfShort(Plan plan, String fundId, BigDecimal total, PrintStream out) throws SetupFailure, InterruptedException {
        FundState fund = fundState(plan, fundId);
        if (fund.remaining().compareTo(total) < 0) {
            out.printf("setup: the cycle's total %s exceeds the fund's remaining %s (members of earlier runs entitled too)%n",
                    total.toPlainString(), fund.remaining().toPlainString());
            raiseBudget(plan, fund, fund.approved().add(total).add(plan.needed()), out);
        }
    }

    private FundState raiseBudget(Plan plan, FundState fund, BigDecimal budget, PrintStream out) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + "/api/funds/" + fund.id());
        String body = "{\"budget\":\"" + budget.setScale(2).toPlainString() + "\"}";
        HttpResponse<String> response = client.send(client.request(uri, Role.ADMIN, SetupClient.TIMEOUT)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), SERVICE);
        expect(response, 200);
        FundState raised = fundState(plan, fund.id());
        out.printf("setup: fund %s: budget raised from %s to %s yuan (remaining %s)%n", fund.id(), fund.budget().toPlainString(),
                raised.budget().toPlainString(), raised.remaining().toPlainString());
        return raised;
    }

    FundState fundState(Plan plan, String id) throws SetupFailure, InterruptedException {
        HttpResponse<String> response = client.get(URI.create(plan.relief() + "/api/funds/" + id), Role.ADMIN, SERVICE);
        JsonNode fund = expect(response, 200);
        return new FundState(id, decimal(fund, "budget", response), decimal(fund, "approved", response),
                decimal(fund, "remaining", response));
    }

    ImportAnswer importMembers(Plan plan, byte[] csv, PrintStream out) throws SetupFailure, InterruptedException {
        URI endpoint = URI.create(plan.members() + "/api/members/import");
        Timed<String> timed = client.timed(client.request(endpoint, Role.REGISTRAR, LONG_TIMEOUT)
                .header("Content-Type", IMPORT_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), "members-service");
        HttpResponse<String> response = timed.response();
        Duration elapsed = timed.elapsed();
        JsonNode body = expect(response, 200);
        ImportAnswer answer;
        try {
            answer = ImportAnswer.parse(body);
        } catch (IllegalArgumentException e) {
            throw new SetupFailure("POST " + endpoint + " answered " + describe(response) + ", not an import report");
        }
        out.printf("setup: POST %s (%s, %s): HTTP %d after %s: received %s, imported %s, rejected %s%n", endpoint,
                IMPORT_CONTENT_TYPE, Figures.bytes(csv.length), response.statusCode(), Durations.seconds(elapsed),
                Figures.count(answer.received()), Figures.count(answer.imported()), Figures.count(answer.rejected().size()));
        answer.rejected().stream().limit(SHOWN_REJECTIONS).forEach(rejection -> out.println("  rejected " + rejection));
        if (answer.rejected().size() > SHOWN_REJECTIONS) {
            out.println("  ... and " + Figures.count(answer.rejected().size() - SHOWN_REJECTIONS) + " more rejected rows");
        }
        if (answer.imported() == 0) {
            throw new SetupFailure("nothing was imported (a seed used earlier today? run without --seed for new members)");
        }
        return answer;
    }

    /**
     * Looks up the last imported members on members-service by national ID, then probes each on
     * relief with a hardship relief request of 0.01 yuan, below every band: answered 422
     * member-unknown until the member's event was applied, then 422 amount-band. The probes create
     * nothing.
     */
    void awaitReplica(Plan plan, CountyCensus census, FundState fund, PrintStream out)
            throws SetupFailure, InterruptedException {
        long started = System.nanoTime();
        List<SyntheticMember> members = census.members();
        List<String> ids = new ArrayList<>();
        for (SyntheticMember member : members.subList(Math.max(0, members.size() - PROBED_MEMBERS), members.size())) {
            ids.add(memberId(plan, member.nationalId()));
        }
        URI disbursements = URI.create(plan.relief() + ReliefPairs.DISBURSEMENTS);
        long deadline = started + REPLICA_TIMEOUT.toNanos();
        int probes = 0;
        List<String> pending = new ArrayList<>(ids);
        while (true) {
            for (Iterator<String> iterator = pending.iterator(); iterator.hasNext(); ) {
                String id = iterator.next();
                String body = String.format(Locale.ROOT, "{\"memberId\":\"%s\",\"fundId\":\"%s\",\"kind\":\"HARDSHIP_RELIEF\","
                                + "\"amount\":\"%s\",\"disbursedOn\":\"%s\",\"reason\":\"loadgen probe\"}",
                        id, fund.id(), ReliefScenario.PROBE_AMOUNT, plan.today());
                HttpResponse<String> response = client.post(disbursements, Role.CASEWORKER, body,
                        Map.of(ReliefPairs.IDEMPOTENCY_KEY, UUID.randomUUID().toString()), SERVICE, SetupClient.TIMEOUT);
                probes++;
                String rule = response.statusCode() == 422 ? ruleOf(response.body()) : null;
                if ("amount-band".equals(rule)) {
                    iterator.remove();
                } else if (!"member-unknown".equals(rule)) {
                    throw new SetupFailure("the probe " + body + " answered " + describe(response)
                            + " (expected 422 amount-band, or member-unknown for a while)");
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new SetupFailure(SERVICE + " still does not know " + pending.size() + " of the last " + ids.size()
                        + " imported members after " + Durations.describe(REPLICA_TIMEOUT)
                        + " (422 member-unknown): is its consumer of members.events running?");
            }
            Thread.sleep(PROBE_PAUSE.toMillis());
        }
        out.printf("setup: %s knew the last %d imported members %s after the import's answer (%d lookups on members-service,"
                + " %d probe requests, none creates a disbursement)%n", SERVICE, ids.size(),
                Durations.seconds(Duration.ofNanos(System.nanoTime() - started)), ids.size(), probes);
    }

    private String memberId(Plan plan, String nationalId) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.members() + "/api/members?size=1&q=" + URLEncoder.encode(nationalId, StandardCharsets.UTF_8));
        HttpResponse<String> response = client.get(uri, Role.REGISTRAR, "members-service");
        JsonNode items = expect(response, 200).get("items");
        if (items == null || !items.isArray() || items.size() != 1 || !items.get(0).path("id").isTextual()) {
            throw new SetupFailure("GET " + uri + " did not find the imported member: " + describe(response));
        }
        return items.get(0).get("id").asText();
    }

    // ---------------------------------------------------------------- the cycle

    String createCycle(Plan plan, FundState fund, PrintStream out) throws SetupFailure, InterruptedException {
        String name = String.format(Locale.ROOT, "%d年度生活补贴 (loadgen, seed %d)", plan.today().getYear(), plan.seed());
        String body = String.format(Locale.ROOT, "{\"countyCode\":\"%s\",\"year\":%d,\"kind\":\"%s\",\"fundId\":\"%s\","
                        + "\"name\":\"%s\",\"amount\":\"%s\",\"disbursedOn\":\"%s\"}", plan.county(), plan.today().getYear(), KIND,
                fund.id(), name, plan.amount().toPlainString(), plan.today());
        URI uri = URI.create(plan.relief() + "/api/cycles");
        Timed<String> timed = client.timed(client.jsonPost(uri, Role.CASEWORKER, body,
                Map.of(ReliefPairs.IDEMPOTENCY_KEY, UUID.randomUUID().toString()), SetupClient.TIMEOUT), SERVICE);
        HttpResponse<String> response = timed.response();
        Duration elapsed = timed.elapsed();
        JsonNode cycle = expect(response, 201);
        String id = field(response, "id");
        out.printf("cycle: %s created in %s: %s, \"%s\", %s yuan per member, dated %s, fund %s%n", id,
                Durations.seconds(elapsed), cycle.path("status").asText("?"), name, plan.amount().toPlainString(), plan.today(),
                fund.id());
        return id;
    }

    Evaluated evaluate(Plan plan, String cycleId, PrintStream out) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + "/api/cycles/" + cycleId + "/evaluation");
        Timed<String> timed = client.timed(client.jsonPost(uri, Role.CASEWORKER, "{}", Map.of(), LONG_TIMEOUT), SERVICE);
        HttpResponse<String> response = timed.response();
        Duration elapsed = timed.elapsed();
        JsonNode cycle = expect(response, 200);
        JsonNode entitlements = cycle.get("entitlements");
        if (entitlements == null || !entitlements.canConvertToInt()) {
            throw new SetupFailure("POST " + uri + " answered without 'entitlements': " + describe(response));
        }
        Map<String, Integer> excluded = new LinkedHashMap<>();
        cycle.path("excluded").fields().forEachRemaining(rule -> excluded.put(rule.getKey(), rule.getValue().asInt()));
        Evaluated evaluated = new Evaluated(elapsed, entitlements.asInt(), decimal(cycle, "total", response), excluded);
        int decided = evaluated.entitlements() + excluded.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("evaluation: %s  POST /api/cycles/{id}/evaluation: %s members of %s decided: %s entitlements, total %s yuan%n",
                Durations.seconds(elapsed), Figures.count(decided), plan.county(), Figures.count(evaluated.entitlements()),
                evaluated.total().toPlainString());
        out.println("  excluded: " + (excluded.isEmpty() ? "none" : excluded.entrySet().stream()
                .map(rule -> rule.getKey() + " " + Figures.count(rule.getValue())).collect(Collectors.joining(", "))));
        return evaluated;
    }

    Duration approve(Plan plan, String cycleId, PrintStream out) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + "/api/cycles/" + cycleId + "/approval");
        Timed<String> timed = client.timed(client.jsonPost(uri, Role.APPROVER, "{}", Map.of(), LONG_TIMEOUT), SERVICE);
        HttpResponse<String> response = timed.response();
        Duration elapsed = timed.elapsed();
        if (response.statusCode() == 409) {
            throw new SetupFailure("the approval was refused after " + Durations.seconds(elapsed) + ": " + describe(response)
                    + " (insufficient-funds names 'remaining' and 'shortfall'; cycle-stale asks for another evaluation)");
        }
        JsonNode cycle = expect(response, 200);
        out.printf("approval:   %s  POST /api/cycles/{id}/approval: %s by %s%n", Durations.seconds(elapsed),
                cycle.path("status").asText("?"), cycle.path("decidedBy").asText("?"));
        if (!"APPROVED".equals(cycle.path("status").asText())) {
            throw new SetupFailure("the approval answered 200 but the cycle is " + describe(response));
        }
        return elapsed;
    }

    /** The number member {@code name} of an answer's body, in yuan. */
    static BigDecimal decimal(JsonNode body, String name, HttpResponse<String> response) throws SetupFailure {
        JsonNode value = body.get(name);
        if (value == null || !value.isNumber()) {
            throw new SetupFailure(response.request().method() + " " + response.uri() + " has no number '" + name + "': "
                    + describe(response));
        }
        return yuan(value.decimalValue());
    }

    /** Yuan with (at least) 2 places: the JSON tree strips trailing zeros, the report prints what the service means. */
    static BigDecimal yuan(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2) : value;
    }
}
