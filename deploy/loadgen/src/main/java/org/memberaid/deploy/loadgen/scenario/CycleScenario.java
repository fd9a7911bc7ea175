package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import static org.memberaid.deploy.loadgen.scenario.CountyCycle.KIND;
import static org.memberaid.deploy.loadgen.scenario.CountyCycle.SERVICE;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.describe;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.expect;

import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.RssSampler;
import org.memberaid.deploy.loadgen.members.CountyCensus;
import org.memberaid.deploy.loadgen.members.MemberCsv;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.Evaluated;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.FundState;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.Plan;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.Policy;

/**
 * A county's living-subsidy cycle on relief-service: imports a census of one county, a stated
 * share of it made eligible, then drafts a cycle, times its evaluation (every member of the county
 * decided) and its approval (the fund charged and one APPROVED disbursement written per
 * entitlement, in one transaction), and checks the money to the fen.
 *
 * <p>Setup, not measured: the members imported, the fund and the replica as {@link CountyCycle}
 * prepares them; then the fund's {@code approved} and the count of the county's APPROVED living
 * subsidies on the cycle's date.
 *
 * <p>Measured: {@code POST /api/cycles/{id}/evaluation} (caseworker, the creator) and
 * {@code POST /api/cycles/{id}/approval} (approver, another user), each from the first byte sent
 * to the whole answer. The check: the cycle's total is entitlements × amount, the fund's approved
 * grew by it, and the county's APPROVED living subsidies on the date grew by the entitlements.
 */
public final class CycleScenario implements Scenario {

    private static final double TARGET_SECONDS = 2.0;
    private static final OptionSpec MEMBERS = OptionSpec.of("members", "30000", "members imported into the county for the run");
    private static final OptionSpec COUNTY = CountyCycle.countyOption("620721");

    private final AccessTokens tokens;
    private final Clock clock;
    private final SetupClient client;
    private final CountyCycle countyCycle;

    public CycleScenario(AccessTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    /** With the clock whose today (in Asia/Shanghai) is the cycle's date and the members' today. */
    CycleScenario(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.client = new SetupClient(tokens);
        this.countyCycle = new CountyCycle(client);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "cycle";
    }

    @Override
    public String summary() {
        return "import a county's members, then time a living-subsidy cycle's evaluation and approval; money to the fen";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(CountyCycle.URL, CountyCycle.MEMBERS_URL, MEMBERS, COUNTY, CountyCycle.AMOUNT, CountyCycle.ELIGIBLE,
                CountyCycle.PID_FILE, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws IOException, InterruptedException {
        Plan plan = Plan.of(arguments, clock, percent -> arguments.positiveInt(MEMBERS.name()));
        tokens.require(Role.REGISTRAR, Role.ADMIN, Role.CASEWORKER, Role.APPROVER);
        out.printf(Locale.ROOT, "cycle: %s members of county %s (%d %% made eligible for the living subsidy), %s yuan each,"
                        + " dated %s, on %s; seed %d (repeat with --seed %d)%n",
                Figures.count(plan.memberCount()), plan.county(), plan.eligiblePercent(), plan.amount().toPlainString(),
                plan.today(), plan.relief(), plan.seed(), plan.seed());
        RssSampler rss = null;
        try {
            Policy policy = countyCycle.readPolicy(plan, out);
            CountyCensus census = CountyCycle.generate(plan, policy, out);
            FundState fund = countyCycle.ensureFund(plan, out);
            ImportAnswer imported = countyCycle.importMembers(plan,
                    MemberCsv.toCsv(census.members()).getBytes(StandardCharsets.UTF_8), out);
            countyCycle.awaitReplica(plan, census, fund, out);
            BigDecimal approvedBefore = countyCycle.fundState(plan, fund.id()).approved();
            long disbursementsBefore = countDisbursements(plan);
            out.printf("setup: before the cycle: fund approved %s yuan; %s APPROVED %s disbursements of %s dated %s%n",
                    approvedBefore.toPlainString(), Figures.count(disbursementsBefore), KIND, plan.county(), plan.today());

            rss = RssSampler.start(CommonOptions.pidFile(arguments));
            String cycleId = countyCycle.createCycle(plan, fund, out);
            Evaluated evaluated = countyCycle.evaluate(plan, cycleId, out);
            countyCycle.raiseBudgetIfShort(plan, fund.id(), evaluated.total(), out);
            Duration approval = countyCycle.approve(plan, cycleId, out);
            rss.close();

            BigDecimal approvedAfter = countyCycle.fundState(plan, fund.id()).approved();
            long disbursementsAfter = countDisbursements(plan);
            int expected = imported.imported() == plan.memberCount() && imported.rejected().isEmpty()
                    ? census.qualifying(plan.today(), policy.age()) : -1;
            boolean ok = check(plan, evaluated, approvedAfter.subtract(approvedBefore),
                    disbursementsAfter - disbursementsBefore, expected, out);
            printTargets(evaluated.elapsed(), approval, out);
            out.println(rss.report());
            out.printf(Locale.ROOT, "summary: evaluation %s, approval %s, %s entitlements, %s yuan: %s%n",
                    Durations.seconds(evaluated.elapsed()), Durations.seconds(approval), Figures.count(evaluated.entitlements()),
                    evaluated.total().toPlainString(), ok ? "MATCH" : "MISMATCH");
            if (ok) {
                out.println("OK: the cycle was evaluated and approved, and the fund and the disbursements account for it to the fen");
                return SUCCESS;
            }
            out.println("FAILED: the money or the disbursements do not account for the cycle (see above)");
            return FAILURE;
        } catch (SetupFailure e) {
            out.println("FAILED: " + e.getMessage());
            return FAILURE;
        } finally {
            if (rss != null) {
                rss.close();
            }
        }
    }

    // ---------------------------------------------------------------- setup

    /** APPROVED living subsidies of the county dated on the cycle's date: a cycle's disbursements are all dated so. */
    private long countDisbursements(Plan plan) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + ReliefPairs.DISBURSEMENTS + "?countyCode=" + plan.county() + "&kind=" + KIND
                + "&status=APPROVED&from=" + plan.today() + "&to=" + plan.today() + "&size=1");
        HttpResponse<String> response = client.get(uri, Role.CASEWORKER, SERVICE);
        JsonNode total = expect(response, 200).get("total");
        if (total == null || !total.canConvertToLong()) {
            throw new SetupFailure("GET " + uri + " has no 'total': " + describe(response));
        }
        return total.asLong();
    }

    // ---------------------------------------------------------------- checks and report

    /**
     * @param expected how many of this run's members qualify, or -1 when unknown (some rows were not imported)
     * @return whether the money and the disbursements account for the cycle
     */
    private static boolean check(Plan plan, Evaluated evaluated, BigDecimal charged, long newDisbursements, int expected,
            PrintStream out) {
        BigDecimal computed = plan.amount().multiply(BigDecimal.valueOf(evaluated.entitlements()));
        boolean totalMatches = evaluated.total().compareTo(computed) == 0;
        boolean chargedMatches = charged.compareTo(evaluated.total()) == 0;
        boolean countMatches = newDisbursements == evaluated.entitlements();
        out.printf("money: cycle total %s yuan, entitlements x amount = %s x %s = %s yuan: %s%n",
                evaluated.total().toPlainString(), Figures.count(evaluated.entitlements()), plan.amount().toPlainString(),
                computed.toPlainString(), verdict(totalMatches, evaluated.total().subtract(computed)));
        out.printf("money: the fund's approved grew by %s yuan, the cycle total is %s yuan: %s%n", charged.toPlainString(),
                evaluated.total().toPlainString(), verdict(chargedMatches, charged.subtract(evaluated.total())));
        out.printf("disbursements: APPROVED %s of %s dated %s grew by %s, entitlements %s: %s%n", KIND, plan.county(),
                plan.today(), Figures.count(newDisbursements), Figures.count(evaluated.entitlements()),
                countMatches ? "MATCH" : "MISMATCH (difference " + (newDisbursements - evaluated.entitlements()) + ")");
        if (expected >= 0) {
            // Every qualifying member of this run is new, so none can have had this year's subsidy.
            out.printf("replica: %s entitlements, %s of this run's members qualify: %s%n", Figures.count(evaluated.entitlements()),
                    Figures.count(expected), evaluated.entitlements() >= expected
                            ? "every one is entitled" + (evaluated.entitlements() > expected ? " (the others are members of earlier runs"
                                    + " or other sources without this year's subsidy)" : "")
                            : "NOT all entitled: the replica missed members, or the rules differ from the generator's");
        }
        return totalMatches && chargedMatches && countMatches;
    }

    private static String verdict(boolean match, BigDecimal difference) {
        return match ? "MATCH" : "MISMATCH (difference " + difference.toPlainString() + ")";
    }

    private static void printTargets(Duration evaluation, Duration approval, PrintStream out) {
        out.printf(Locale.ROOT, "target: evaluation <= %.0f s: %s (%s); approval <= %.0f s: %s (%s) (reported, not enforced)%n",
                TARGET_SECONDS, met(evaluation), Durations.seconds(evaluation), TARGET_SECONDS, met(approval),
                Durations.seconds(approval));
    }

    private static String met(Duration elapsed) {
        return elapsed.toNanos() / 1e9 <= TARGET_SECONDS ? "met" : "NOT met";
    }
}
