package org.memberaid.deploy.loadgen.scenario;

import static org.memberaid.deploy.loadgen.scenario.CountyCycle.LONG_TIMEOUT;
import static org.memberaid.deploy.loadgen.scenario.CountyCycle.PROBE_PAUSE;
import static org.memberaid.deploy.loadgen.scenario.CountyCycle.SERVICE;
import static org.memberaid.deploy.loadgen.scenario.CountyCycle.decimal;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.describe;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.measure.RssSampler;
import org.memberaid.deploy.loadgen.members.CountyCensus;
import org.memberaid.deploy.loadgen.members.MemberCsv;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.Evaluated;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.FundState;
import org.memberaid.deploy.loadgen.scenario.CountyCycle.Plan;
import org.memberaid.deploy.loadgen.scenario.SetupClient.Timed;

/**
 * A county's payment batch on relief-service (docs/payments.md), as large as issue 17 asks: at
 * least {@code --disbursements} APPROVED living subsidies gathered into one batch, its bank file
 * exported, sent, and reconciled from a made-up bank answer; then the money to the fen.
 *
 * <p>Setup, not measured: members with payee details imported, the fund, the replica and an
 * approved living-subsidy cycle as {@link CountyCycle} prepares them (enough members that the
 * share made eligible gives {@code --disbursements} entitlements), then a wait until relief knows
 * the payee details of the cycle's members ({@code GET /api/payment-batches/missing-payees} back to
 * its count before the cycle).
 *
 * <p>Measured, each from the first byte sent to the whole answer: the batch's creation
 * (caseworker), the first download of its bank file (which exports it), its sending (approver,
 * another user), the reconciliation of the bank's answer (caseworker) and a second upload of the
 * same answer, which must change nothing.
 */
public final class PaymentsScenario implements Scenario {

    private static final String BATCHES = "/api/payment-batches";
    private static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final Duration PAYEE_TIMEOUT = Duration.ofSeconds(120);
    private static final double EXPORT_TARGET_SECONDS = 3.0;
    private static final double RECONCILIATION_TARGET_SECONDS = 5.0;
    /** The disbursement list's largest page. */
    private static final int PAGE = 500;
    private static final int SHOWN_PROBLEMS = 5;

    private static final OptionSpec DISBURSEMENTS = OptionSpec.of("disbursements", "20000",
            "disbursements the cycle must approve for the batch; the members imported are this / the eligible share");
    private static final OptionSpec FAILED_SHARE = OptionSpec.of("failed-share", "0.02",
            "share of the batch's payments the bank answers FAILED, 0 to 1 (the others PAID)");
    private static final OptionSpec COUNTY = CountyCycle.countyOption("620722");

    private final AccessTokens tokens;
    private final Clock clock;
    private final SetupClient client;
    private final CountyCycle countyCycle;

    public PaymentsScenario(AccessTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    /** With the clock whose today (in Asia/Shanghai) is the cycle's date and the bank's settlement date. */
    PaymentsScenario(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.client = new SetupClient(tokens);
        this.countyCycle = new CountyCycle(client);
    }

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public String summary() {
        return "approve a county's living subsidies, then time its payment batch: created, exported, sent, reconciled; money to the fen";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(CountyCycle.URL, CountyCycle.MEMBERS_URL, DISBURSEMENTS, FAILED_SHARE, COUNTY, CountyCycle.AMOUNT,
                CountyCycle.ELIGIBLE, CountyCycle.PID_FILE, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws InterruptedException {
        int disbursements = arguments.positiveInt(DISBURSEMENTS.name());
        double failedShare = failedShare(arguments);
        Plan plan = Plan.of(arguments, clock, percent -> membersFor(disbursements, percent));
        tokens.require(Role.REGISTRAR, Role.ADMIN, Role.CASEWORKER, Role.APPROVER);
        out.printf(Locale.ROOT, "payments: a batch of at least %s disbursements of county %s: %s members imported with payee"
                        + " details (%d %% made eligible for the living subsidy, %s yuan each), the bank fails %.1f %% of the"
                        + " payments; dated %s, on %s; seed %d (repeat with --seed %d)%n",
                Figures.count(disbursements), plan.county(), Figures.count(plan.memberCount()), plan.eligiblePercent(),
                plan.amount().toPlainString(), failedShare * 100, plan.today(), plan.relief(), plan.seed(), plan.seed());
        RssSampler rss = null;
        try {
            Prepared prepared = prepare(plan, out);
            BigDecimal approvedBefore = countyCycle.fundState(plan, prepared.fund().id()).approved();
            out.printf("setup: before the batch: fund approved %s yuan%n", approvedBefore.toPlainString());

            rss = RssSampler.start(CommonOptions.pidFile(arguments));
            Timed<String> created = createBatch(plan);
            PaymentBatch batch = PaymentBatch.parse(expect(created.response(), 201), created.response());
            out.printf("batch:          %s  POST %s: %s %s, %s lines, %s yuan; left out for want of payee details: %s (%s yuan)%n",
                    Durations.seconds(created.elapsed()), BATCHES, batch.id(), batch.status(), Figures.count(batch.lines()),
                    batch.total().toPlainString(), batch.withoutPayee() == null ? "?" : Figures.count(batch.withoutPayee()),
                    batch.withoutPayeeTotal() == null ? "?" : batch.withoutPayeeTotal().toPlainString());
            Timed<byte[]> downloaded = download(plan, batch.id());
            BankFile file = BankFile.read(downloaded.response().body());
            out.printf("download:       %s  GET %s/{id}/file: %s, %s rows, %s yuan%n", Durations.seconds(downloaded.elapsed()),
                    BATCHES, Figures.bytes(downloaded.response().body().length), Figures.count(file.rows().size()),
                    file.total().toPlainString());
            PaymentBatch exported = readBatch(plan, batch.id());
            Timed<String> sent = send(plan, batch.id(), out);
            BankAnswer answer = BankAnswer.to(file.rows(), failedShare, plan.today(), "LG" + plan.seed());
            Reconciled reconciled = reconcile(plan, batch.id(), answer, "reconciliation:", out);
            BigDecimal approvedAfter = countyCycle.fundState(plan, prepared.fund().id()).approved();
            Reconciled again = reconcile(plan, batch.id(), answer, "second upload: ", out);
            BigDecimal approvedAfterAgain = countyCycle.fundState(plan, prepared.fund().id()).approved();
            rss.close();

            Verdicts verdicts = new Verdicts(out);
            checkFile(batch, exported, file, verdicts, out);
            checkReconciliation(answer, reconciled, again, file.rows().size(), verdicts);
            checkFund(plan, prepared, new Approved(approvedBefore, approvedAfter, approvedAfterAgain), answer, verdicts);
            verdicts.check(batch.lines() >= prepared.payable(), "lines: the batch holds %s lines, the cycle"
                            + " approved %s disbursements of members with payee details (more lines: approved ones of earlier runs)",
                    Figures.count(batch.lines()), Figures.count(prepared.payable()));
            printTargets(created.elapsed(), downloaded.elapsed(), reconciled.elapsed(), out);
            out.println(rss.report());
            out.printf("summary: creation %s, download %s, sending %s, reconciliation %s, second upload %s; %s lines, paid %s yuan,"
                            + " failed %s yuan: %s%n", Durations.seconds(created.elapsed()), Durations.seconds(downloaded.elapsed()),
                    Durations.seconds(sent.elapsed()), Durations.seconds(reconciled.elapsed()), Durations.seconds(again.elapsed()),
                    Figures.count(batch.lines()), answer.paidTotal().toPlainString(), answer.failedTotal().toPlainString(),
                    verdicts.allMatch() ? "MATCH" : "MISMATCH");
            if (verdicts.allMatch()) {
                out.println("OK: the batch was exported, sent and reconciled, and the fund accounts for every line to the fen");
                return SUCCESS;
            }
            out.println("FAILED: the file, the batch or the fund do not account for the payments (see above)");
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

    /** Enough members that {@code percent} of them, all made eligible, give {@code disbursements} entitlements. */
    static int membersFor(int disbursements, int percent) {
        if (percent == 0) {
            throw new UsageException("option --eligible must be 1 to 100 for payments: with 0 nobody is paid");
        }
        return (int) Math.min(Integer.MAX_VALUE, ((long) disbursements * 100 + percent - 1) / percent);
    }

    private static double failedShare(Arguments arguments) {
        String text = arguments.string(FAILED_SHARE.name()).strip();
        double share;
        try {
            share = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("option --failed-share must be a number from 0 to 1 such as 0.02, not '" + text + "'");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new UsageException("option --failed-share must be 0 to 1, not " + text);
        }
        return share;
    }

    // ---------------------------------------------------------------- setup

    /** {@code othersEntitled}: entitlements of members this run did not import, who have no payee details. */
    private record Prepared(FundState fund, Evaluated evaluated, int othersEntitled) {

        int payable() {
            return evaluated.entitlements() - othersEntitled;
        }
    }

    /** Members with payee details, the fund, an approved cycle, and relief knowing the members' payee details. */
    private Prepared prepare(Plan plan, PrintStream out) throws SetupFailure, InterruptedException {
        CountyCycle.Policy policy = countyCycle.readPolicy(plan, out);
        CountyCensus census = CountyCycle.generate(plan, policy, out);
        FundState fund = countyCycle.ensureFund(plan, out);
        countyCycle.importMembers(plan, MemberCsv.toCsvWithPayees(census.members()).getBytes(StandardCharsets.UTF_8), out);
        countyCycle.awaitReplica(plan, census, fund, out);
        long missingBefore = missingPayees(plan);
        out.printf("setup: %s APPROVED disbursements of %s lack payee details before the cycle (GET %s/missing-payees)%n",
                Figures.count(missingBefore), plan.county(), BATCHES);
        String cycleId = countyCycle.createCycle(plan, fund, out);
        Evaluated evaluated = countyCycle.evaluate(plan, cycleId, out);
        countyCycle.raiseBudgetIfShort(plan, fund.id(), evaluated.total(), out);
        countyCycle.approve(plan, cycleId, out);
        // Members of the county that earlier runs registered without payee details may qualify too:
        // their entitlements stay listed as missing payees, whatever relief learns from this run.
        int othersEntitled = Math.max(0, evaluated.entitlements() - census.qualifying(plan.today(), policy.age()));
        if (othersEntitled > 0) {
            out.printf("setup: %s of the cycle's entitlements are of members this run did not import (no payee details)%n",
                    Figures.count(othersEntitled));
        }
        awaitPayees(plan, missingBefore + othersEntitled, out);
        return new Prepared(fund, evaluated, othersEntitled);
    }

    /** APPROVED disbursements of the county, in no live batch, whose member has no payee details that relief knows. */
    private long missingPayees(Plan plan) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + BATCHES + "/missing-payees?countyCode=" + plan.county() + "&size=1");
        HttpResponse<String> response = client.get(uri, Role.CASEWORKER, SERVICE);
        JsonNode total = expect(response, 200).get("total");
        if (total == null || !total.canConvertToLong()) {
            throw new SetupFailure("GET " + uri + " has no 'total': " + describe(response));
        }
        return total.asLong();
    }

    /**
     * The payee details travel on members.payees, apart from the members' events: until relief has
     * applied them, the cycle's disbursements are listed as missing payees, and a batch would leave
     * them out.
     */
    private void awaitPayees(Plan plan, long missingBefore, PrintStream out) throws SetupFailure, InterruptedException {
        // missingBefore: what stays listed once relief knows every payee of this run's members
        long started = System.nanoTime();
        long deadline = started + PAYEE_TIMEOUT.toNanos();
        int reads = 0;
        long missing;
        while ((missing = missingPayees(plan)) > missingBefore) {
            reads++;
            if (System.nanoTime() > deadline) {
                throw new SetupFailure(SERVICE + " still lists " + Figures.count(missing - missingBefore) + " of the cycle's"
                        + " disbursements as missing payee details after " + Durations.describe(PAYEE_TIMEOUT)
                        + ": is its consumer of members.payees running?");
            }
            Thread.sleep(PROBE_PAUSE.toMillis());
        }
        out.printf("setup: %s knew the payee details of the cycle's members %s after the approval (%d reads of missing-payees)%n",
                SERVICE, Durations.seconds(Duration.ofNanos(System.nanoTime() - started)), reads + 1);
    }

    // ---------------------------------------------------------------- the batch

    private Timed<String> createBatch(Plan plan) throws SetupFailure, InterruptedException {
        return client.timed(client.jsonPost(URI.create(plan.relief() + BATCHES), Role.CASEWORKER,
                "{\"countyCode\":\"" + plan.county() + "\"}", Map.of(ReliefPairs.IDEMPOTENCY_KEY, UUID.randomUUID().toString()),
                LONG_TIMEOUT), SERVICE);
    }

    private Timed<byte[]> download(Plan plan, String batchId) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + BATCHES + "/" + batchId + "/file");
        Timed<byte[]> timed = client.timed(client.request(uri, Role.CASEWORKER, LONG_TIMEOUT).setHeader("Accept", "text/csv")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray(), SERVICE);
        if (timed.response().statusCode() != 200) {
            throw new SetupFailure("GET " + uri + " answered HTTP " + timed.response().statusCode() + ": "
                    + Figures.abbreviate(new String(timed.response().body(), StandardCharsets.UTF_8), 500) + " (expected HTTP 200)");
        }
        return timed;
    }

    private PaymentBatch readBatch(Plan plan, String batchId) throws SetupFailure, InterruptedException {
        HttpResponse<String> response = client.get(URI.create(plan.relief() + BATCHES + "/" + batchId), Role.CASEWORKER, SERVICE);
        return PaymentBatch.parse(expect(response, 200), response);
    }

    private Timed<String> send(Plan plan, String batchId, PrintStream out) throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + BATCHES + "/" + batchId + "/sending");
        Timed<String> sent = client.timed(client.jsonPost(uri, Role.APPROVER, "{}", Map.of(), SetupClient.TIMEOUT), SERVICE);
        PaymentBatch batch = PaymentBatch.parse(expect(sent.response(), 200), sent.response());
        out.printf("sending:        %s  POST %s/{id}/sending: %s by %s%n", Durations.seconds(sent.elapsed()), BATCHES,
                batch.status(), batch.sentBy());
        if (!"SENT".equals(batch.status())) {
            throw new SetupFailure("the sending answered 200 but the batch is " + describe(sent.response()));
        }
        return sent;
    }

    /** A reconciliation's answer: {@code {batch, paid, failed, unchanged}}. */
    private record Reconciled(Duration elapsed, PaymentBatch batch, int paid, int failed, int unchanged) {
    }

    private Reconciled reconcile(Plan plan, String batchId, BankAnswer answer, String label, PrintStream out)
            throws SetupFailure, InterruptedException {
        URI uri = URI.create(plan.relief() + BATCHES + "/" + batchId + "/reconciliation");
        Timed<String> timed = client.timed(client.request(uri, Role.CASEWORKER, LONG_TIMEOUT)
                .header("Content-Type", CSV_CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(answer.csv())).build(), SERVICE);
        HttpResponse<String> response = timed.response();
        JsonNode body = expect(response, 200);
        Reconciled reconciled = new Reconciled(timed.elapsed(), PaymentBatch.parse(body.get("batch"), response),
                PaymentBatch.count(body, "paid", response), PaymentBatch.count(body, "failed", response),
                PaymentBatch.count(body, "unchanged", response));
        out.printf("%s %s  POST %s/{id}/reconciliation (%s, %s: %s PAID, %s FAILED): paid %s, failed %s, unchanged %s; %s%n", label,
                Durations.seconds(timed.elapsed()), BATCHES, CSV_CONTENT_TYPE, Figures.bytes(answer.csv().length),
                Figures.count(answer.paid()), Figures.count(answer.failed()), Figures.count(reconciled.paid()),
                Figures.count(reconciled.failed()), Figures.count(reconciled.unchanged()), reconciled.batch().status());
        return reconciled;
    }

    // ---------------------------------------------------------------- checks

    /** The file against itself (format, checksum row) and against the batch. */
    private static void checkFile(PaymentBatch created, PaymentBatch exported, BankFile file, Verdicts verdicts, PrintStream out) {
        verdicts.check(file.problems().isEmpty(), "file: format of docs/payments.md, %s", file.problems().isEmpty()
                ? "no problem" : Figures.count(file.problems().size()) + " problems");
        file.problems().stream().limit(SHOWN_PROBLEMS).forEach(problem -> out.println("  " + problem));
        BankFile.Checksum checksum = file.checksum();
        verdicts.check(file.checksumMatches(), "file: the checksum row says %s; the rows before it: %s lines, %s yuan, sha256 %s",
                checksum == null ? "nothing" : Figures.count(checksum.lines()) + " lines, " + checksum.total().toPlainString()
                        + " yuan, sha256 " + checksum.sha256(),
                Figures.count(file.rows().size()), file.total().toPlainString(), file.sha256());
        verdicts.check(file.rows().size() == created.lines() && file.total().compareTo(created.total()) == 0,
                "file: %s rows, %s yuan; the batch: %s lines, %s yuan", Figures.count(file.rows().size()),
                file.total().toPlainString(), Figures.count(created.lines()), created.total().toPlainString());
        verdicts.check("EXPORTED".equals(exported.status()) && file.sha256().equals(exported.fileSha256()),
                "batch after the download: %s, fileSha256 %s", exported.status(), exported.fileSha256());
    }

    /** The answers of both uploads against the bank's file. */
    private static void checkReconciliation(BankAnswer answer, Reconciled first, Reconciled again, int rows, Verdicts verdicts) {
        verdicts.check(first.paid() == answer.paid() && first.failed() == answer.failed() && first.unchanged() == 0,
                "reconciliation: paid %s, failed %s, unchanged %s; the bank's file: %s PAID, %s FAILED",
                Figures.count(first.paid()), Figures.count(first.failed()), Figures.count(first.unchanged()),
                Figures.count(answer.paid()), Figures.count(answer.failed()));
        PaymentBatch batch = first.batch();
        verdicts.check("RECONCILED".equals(batch.status()) && batch.paid() == answer.paid() && batch.failed() == answer.failed(),
                "reconciliation: the batch is %s with %s paid and %s failed lines", batch.status(), Figures.count(batch.paid()),
                Figures.count(batch.failed()));
        verdicts.money("money: the batch's paidTotal %s yuan, the PAID rows of the bank's file %s yuan", batch.paidTotal(),
                answer.paidTotal(), batch.paidTotal().toPlainString(), answer.paidTotal().toPlainString());
        verdicts.money("money: the batch's failedTotal %s yuan, the FAILED rows of the bank's file %s yuan", batch.failedTotal(),
                answer.failedTotal(), batch.failedTotal().toPlainString(), answer.failedTotal().toPlainString());
        verdicts.check(again.paid() == 0 && again.failed() == 0 && again.unchanged() == rows
                        && again.batch().paidTotal().compareTo(batch.paidTotal()) == 0
                        && again.batch().failedTotal().compareTo(batch.failedTotal()) == 0,
                "second upload: paid %s, failed %s, unchanged %s of %s rows; the batch's totals %s and %s yuan",
                Figures.count(again.paid()), Figures.count(again.failed()), Figures.count(again.unchanged()), Figures.count(rows),
                again.batch().paidTotal().toPlainString(), again.batch().failedTotal().toPlainString());
    }

    /** The fund's {@code approved} before the reconciliation, after it, and after the second upload. */
    private record Approved(BigDecimal before, BigDecimal after, BigDecimal afterAgain) {
    }

    /**
     * The failed money went back to the fund, the second upload moved nothing, and what is left is
     * the fund's APPROVED and PAID disbursements to the fen.
     */
    private void checkFund(Plan plan, Prepared prepared, Approved approved, BankAnswer answer, Verdicts verdicts)
            throws SetupFailure, InterruptedException {
        BigDecimal fell = approved.before().subtract(approved.after());
        verdicts.money("money: the fund's approved fell by %s yuan (%s -> %s), the bank failed %s yuan", fell, answer.failedTotal(),
                fell.toPlainString(), approved.before().toPlainString(), approved.after().toPlainString(),
                answer.failedTotal().toPlainString());
        verdicts.check(approved.afterAgain().compareTo(approved.after()) == 0,
                "second upload: the fund's approved stayed %s yuan (now %s)", approved.after().toPlainString(),
                approved.afterAgain().toPlainString());
        FundSums sums = fundSums(plan, prepared.fund().id());
        BigDecimal charged = sums.approved().add(sums.paid());
        verdicts.money("money: the fund's approved %s yuan; its disbursements APPROVED %s yuan (%s) + PAID %s yuan (%s) = %s yuan",
                approved.afterAgain(), charged, approved.afterAgain().toPlainString(), sums.approved().toPlainString(),
                Figures.count(sums.approvedCount()), sums.paid().toPlainString(), Figures.count(sums.paidCount()),
                charged.toPlainString());
    }

    /** The money of the fund's APPROVED and PAID disbursements, which together must be its {@code approved}. */
    private record FundSums(BigDecimal approved, long approvedCount, BigDecimal paid, long paidCount) {
    }

    /**
     * Reads every APPROVED and PAID disbursement of the county dated in the fund's year, a page of
     * 500 at a time, and adds up those of the fund.
     */
    private FundSums fundSums(Plan plan, String fundId) throws SetupFailure, InterruptedException {
        BigDecimal[] sums = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        long[] counts = new long[2];
        List<String> statuses = List.of("APPROVED", "PAID");
        int year = plan.today().getYear();
        for (int s = 0; s < statuses.size(); s++) {
            for (int page = 0; ; page++) {
                URI uri = URI.create(plan.relief() + ReliefPairs.DISBURSEMENTS + "?countyCode=" + plan.county() + "&status="
                        + statuses.get(s) + "&from=" + year + "-01-01&to=" + year + "-12-31&size=" + PAGE + "&page=" + page);
                HttpResponse<String> response = client.get(uri, Role.CASEWORKER, SERVICE);
                JsonNode list = expect(response, 200);
                JsonNode items = list.path("items");
                for (JsonNode item : items) {
                    if (fundId.equals(item.path("fundId").asText())) {
                        sums[s] = sums[s].add(decimal(item, "amount", response));
                        counts[s]++;
                    }
                }
                if (items.size() < PAGE || (long) (page + 1) * PAGE >= list.path("total").asLong()) {
                    break;
                }
            }
        }
        return new FundSums(sums[0], counts[0], sums[1], counts[1]);
    }

    private static void printTargets(Duration creation, Duration download, Duration reconciliation, PrintStream out) {
        Duration export = creation.plus(download);
        out.printf(Locale.ROOT, "target: export (creation %s + download %s = %s) <= %.0f s: %s; reconciliation <= %.0f s: %s (%s)"
                        + " (reported, not enforced)%n", Durations.seconds(creation), Durations.seconds(download),
                Durations.seconds(export), EXPORT_TARGET_SECONDS, met(export, EXPORT_TARGET_SECONDS), RECONCILIATION_TARGET_SECONDS,
                met(reconciliation, RECONCILIATION_TARGET_SECONDS), Durations.seconds(reconciliation));
    }

    private static String met(Duration elapsed, double targetSeconds) {
        return elapsed.toNanos() / 1e9 <= targetSeconds ? "met" : "NOT met";
    }

    /** Prints each check with MATCH or MISMATCH and remembers whether all matched. */
    private static final class Verdicts {

        private final PrintStream out;
        private boolean allMatch = true;

        Verdicts(PrintStream out) {
            this.out = out;
        }

        void check(boolean match, String format, Object... arguments) {
            out.println(String.format(Locale.ROOT, format, arguments) + ": " + (match ? "MATCH" : "MISMATCH"));
            allMatch &= match;
        }

        /** A check that {@code actual} is {@code expected} to the fen, printing the difference when not. */
        void money(String format, BigDecimal actual, BigDecimal expected, Object... arguments) {
            boolean match = actual.compareTo(expected) == 0;
            out.println(String.format(Locale.ROOT, format, arguments) + ": "
                    + (match ? "MATCH" : "MISMATCH (difference " + actual.subtract(expected).toPlainString() + ")"));
            allMatch &= match;
        }

        boolean allMatch() {
            return allMatch;
        }
    }
}
