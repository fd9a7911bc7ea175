package org.memberaid.deploy.loadgen.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.members.CountyCensus;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

class PaymentsScenarioTest {

    /** The fake's reconciliation refuses a settlement date after its own today, so the run is dated today. */
    private static final Clock CLOCK = Clock.systemUTC();
    private static final LocalDate TODAY = LocalDate.now(CLOCK.withZone(SyntheticMembers.BUSINESS_ZONE));

    private final AccessTokens tokens = AccessTokens.from(role -> role.name().toLowerCase(Locale.ROOT) + "-token");
    private ByteArrayOutputStream output = new ByteArrayOutputStream();
    private FakePaymentSystem system;

    @BeforeEach
    void start() throws Exception {
        system = new FakePaymentSystem();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void paysTheCountysBatchAndTheFundAccountsForEveryLineToTheFen() throws Exception {
        int result = run("--seed", "1", "--disbursements", "200", "--failed-share", "0.05");
        String out = text();
        int qualifying = qualifying(1, 500);
        int failed = Math.round(qualifying * 0.05f);

        assertThat(result).as(out).isEqualTo(Scenario.SUCCESS);
        assertThat(qualifying).isGreaterThanOrEqualTo(200);
        assertThat(out).contains("500 members imported with payee details", "the bank fails 5.0 %",
                "setup: 0 APPROVED disbursements of 620722 lack payee details before the cycle",
                "knew the payee details of the cycle's members", "(4 reads of missing-payees)",
                "batch:          ", "DRAFT, " + qualifying + " lines, " + total(qualifying) + " yuan; left out for want of payee"
                        + " details: 0 (0.00 yuan)",
                "download:       ", "sending:        ", "SENT by approver-token",
                "PAID, " + failed + " FAILED): paid " + (qualifying - failed) + ", failed " + failed + ", unchanged 0; RECONCILED",
                "second upload:  ", "paid 0, failed 0, unchanged " + qualifying + "; RECONCILED",
                "file: format of docs/payments.md, no problem: MATCH", "batch after the download: EXPORTED, fileSha256",
                "the fund's approved fell by " + total(failed) + " yuan", "target: export (creation ", "summary: creation ", "OK: ");
        assertThat(out).doesNotContain("MISMATCH");
        assertThat(system.disbursements.values()).extracting(d -> d.status().get())
                .containsOnly("PAID", "PAYMENT_FAILED").hasSize(qualifying).filteredOn("PAYMENT_FAILED"::equals).hasSize(failed);
        FakeCycleSystem.Fund fund = system.funds.values().iterator().next();
        assertThat(fund.approved()[0]).isEqualByComparingTo(total(qualifying - failed));
    }

    @Test
    void aSecondRunPaysWhatIsApprovedWithPayeeDetailsAndLeavesOutMembersWithout() throws Exception {
        assertThat(run("--seed", "2", "--disbursements", "100", "--failed-share", "0.1")).as(text()).isEqualTo(Scenario.SUCCESS);
        int failedBefore = Math.round(qualifying(2, 250) * 0.1f);
        // The cycle scenario's members have no payee details; its cycle entitles anew those whose payment failed.
        CycleScenario cycle = new CycleScenario(tokens, CLOCK);
        assertThat(cycle.run(Arguments.parse(List.of("--url", system.url().toString(), "--members-url", system.url().toString(),
                "--members", "50", "--county", "620722", "--seed", "3", "--pid-file", "/nonexistent/relief-service.pid"),
                cycle.options()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(Scenario.SUCCESS);
        int withoutPayee = qualifying(3, 50);
        output = new ByteArrayOutputStream();

        int second = run("--seed", "4", "--disbursements", "100", "--failed-share", "0.1");

        int entitlements = qualifying(4, 250);
        int lines = entitlements + failedBefore;
        assertThat(second).as(text()).isEqualTo(Scenario.SUCCESS);
        assertThat(text()).contains("setup: " + withoutPayee + " APPROVED disbursements of 620722 lack payee details",
                entitlements + " entitlements", "living-subsidy-once-a-year " + (qualifying(2, 250) + withoutPayee),
                lines + " lines, " + total(lines) + " yuan; left out for want of payee details: " + withoutPayee + " ("
                        + total(withoutPayee) + " yuan)",
                "lines: the batch holds " + lines + " lines, the cycle approved " + entitlements);
    }

    @Test
    void actsAsTheRoleEachRequestNeeds() throws Exception {
        assertThat(run("--seed", "5", "--disbursements", "50")).as(text()).isEqualTo(Scenario.SUCCESS);

        assertThat(system.authorizationsByRoute).containsEntry("POST /api/members/import", Set.of("Bearer registrar-token"))
                .containsEntry("GET /api/payment-batches/missing-payees", Set.of("Bearer caseworker-token"))
                .containsEntry("POST /api/payment-batches", Set.of("Bearer caseworker-token"))
                .containsEntry("GET /api/payment-batches/{id}/file", Set.of("Bearer caseworker-token"))
                .containsEntry("POST /api/payment-batches/{id}/sending", Set.of("Bearer approver-token"))
                .containsEntry("POST /api/payment-batches/{id}/reconciliation", Set.of("Bearer caseworker-token"))
                .containsEntry("GET /api/disbursements", Set.of("Bearer caseworker-token"))
                .containsEntry("GET /api/funds/{id}", Set.of("Bearer admin-token"));
    }

    @Test
    void aChecksumRowThatDoesNotAddUpIsAMismatch() throws Exception {
        system.wrongChecksumTotal = true;

        assertThat(run("--seed", "6", "--disbursements", "50")).isEqualTo(Scenario.FAILURE);

        assertThat(text()).containsPattern("file: the checksum row says [0-9]+ lines, [0-9]+\\.[0-9]1 yuan.*: MISMATCH")
                .contains("summary: ", ": MISMATCH", "FAILED: the file");
    }

    @Test
    void aFailedPaymentWhoseMoneyStaysChargedIsAMismatch() throws Exception {
        system.failedMoneyKept = true;

        assertThat(run("--seed", "7", "--disbursements", "100", "--failed-share", "0.1")).isEqualTo(Scenario.FAILURE);

        BigDecimal failed = total(Math.round(qualifying(7, 250) * 0.1f));
        assertThat(text()).contains("money: the fund's approved fell by 0.00 yuan", "the bank failed " + failed + " yuan: MISMATCH"
                + " (difference -" + failed + ")", "FAILED: ");
        assertThat(text()).containsPattern("money: the fund's approved [0-9.]+ yuan; its disbursements .*: MISMATCH \\(difference "
                + failed + "\\)");
    }

    @Test
    void aSecondUploadThatChangesAnythingIsAMismatch() throws Exception {
        system.repeatsCountedAgain = true;

        assertThat(run("--seed", "8", "--disbursements", "50")).isEqualTo(Scenario.FAILURE);

        assertThat(text()).containsPattern("second upload: paid [1-9][0-9]*, failed 1, unchanged 0 of [0-9]+ rows.*: MISMATCH");
    }

    @Test
    void importsAsManyMembersAsTheEligibleShareNeedsAndRefusesShareOutsideTheirRange() {
        assertThat(PaymentsScenario.membersFor(20_000, 40)).isEqualTo(50_000);
        assertThat(PaymentsScenario.membersFor(20_000, 30)).isEqualTo(66_667);
        assertThat(PaymentsScenario.membersFor(20_000, 100)).isEqualTo(20_000);
        assertThatThrownBy(() -> run("--eligible", "0")).isInstanceOf(UsageException.class).hasMessageContaining("--eligible");
        assertThatThrownBy(() -> run("--failed-share", "1.5")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--failed-share must be 0 to 1");
        assertThat(system.membersByNationalId).isEmpty();
    }

    private int qualifying(long seed, int members) {
        return CountyCensus.generate(new SyntheticMembers(seed, TODAY), "620722", members, 40, 70).qualifying(TODAY, 70);
    }

    private static BigDecimal total(int disbursements) {
        return new BigDecimal("500.00").multiply(BigDecimal.valueOf(disbursements));
    }

    private int run(String... overrides) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", system.url().toString(), "--members-url", system.url().toString(),
                "--pid-file", "/nonexistent/relief-service.pid"));
        args.addAll(List.of(overrides));
        PaymentsScenario scenario = new PaymentsScenario(tokens, CLOCK);
        return scenario.run(Arguments.parse(args, scenario.options()), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
