package org.memberaid.deploy.loadgen.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Arguments;

class ReliefScenarioTest {

    private static final Pattern MONEY = Pattern.compile(
            "approvals answered 200 for ([0-9.]+) yuan; the six funds' approved grew by ([0-9.]+) yuan: (MATCH|MISMATCH)");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private FakeReliefSystem system;
    private AccessTokens tokens = AccessTokens.from(role -> role.name().toLowerCase(Locale.ROOT) + "-token");
    /** 27 November 2026, 10:00 in Asia/Shanghai. */
    private Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void start() throws Exception {
        system = new FakeReliefSystem();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void requestsAndApprovesAndFindsTheFundsChargedToTheFen() throws Exception {
        system.takenYears = Set.of(2026, 2025);

        int status = run();

        String out = text();
        assertThat(status).as(out).isEqualTo(Scenario.SUCCESS);
        assertThat(out).contains("setup: 12 members in difficulty (ILLNESS) registered",
                "620702 2, 620721 2, 620722 2, 620723 2, 620724 2, 620725 2", "setup: year 2024:",
                "knew all 12 members", "warm-up (not counted below)", "pair (ms)", "request (ms)", "approval (ms)",
                "approvals        HTTP 200:", "pairs            approved:", "OK: every pair");
        assertThat(system.members).hasSize(12);
        assertThat(system.fundsByCountyYear.keySet()).filteredOn(key -> key.endsWith("/2024")).hasSize(6);
        assertThat(system.disbursementDates).containsExactly("2024-06-15");
        Matcher money = MONEY.matcher(out);
        assertThat(money.find()).as(out).isTrue();
        assertThat(money.group(3)).isEqualTo("MATCH");
        assertThat(new BigDecimal(money.group(1))).isEqualByComparingTo(system.approvedTotal())
                .isEqualByComparingTo(new BigDecimal(money.group(2))).isPositive();
        // Every request was approved, and only the probes were refused (they create nothing).
        assertThat(system.disbursements.values()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status().get()).isEqualTo("APPROVED"))
                .allSatisfy(d -> assertThat(d.amount()).isBetween(new BigDecimal("1000.00"), new BigDecimal("3000.00")));
    }

    @Test
    void actsAsTheRoleEachRequestNeedsAndApprovesAsAnotherUserThanTheRequester() throws Exception {
        int status = run();

        assertThat(status).as(text()).isEqualTo(Scenario.SUCCESS);
        assertThat(system.authorizationsByRoute).containsOnly(
                entry("POST /api/members", Set.of("Bearer registrar-token")),
                entry("POST /api/funds", Set.of("Bearer admin-token")),
                entry("GET /api/funds/{id}", Set.of("Bearer admin-token")),
                entry("POST /api/disbursements", Set.of("Bearer caseworker-token")),
                entry("POST /api/disbursements/{id}/approval", Set.of("Bearer approver-token")));
    }

    @Test
    void failsEveryApprovalWhenTheRequesterWouldApprove() throws Exception {
        tokens = AccessTokens.from(role -> role == Role.APPROVER ? "caseworker-token" : role.name().toLowerCase(Locale.ROOT) + "-token");

        int status = run();

        assertThat(status).isEqualTo(Scenario.FAILURE);
        assertThat(text()).contains("approvals        HTTP 403:", "the requester cannot approve");
        assertThat(system.approvedTotal()).isZero();
    }

    @Test
    void sendsNothingWithoutTheTokensOfAllFourRoles() {
        tokens = AccessTokens.from(role -> role == Role.ADMIN ? null : "token");

        assertThatThrownBy(this::run).isInstanceOf(AccessTokens.MissingTokenException.class)
                .hasMessageContaining("MEMBERAID_TOKEN_ADMIN");
        assertThat(system.authorizationsByRoute).isEmpty();
    }

    @Test
    void skipsAYearThatIsPartlyTaken() throws Exception {
        system.fundsByCountyYear.put("620723/2026", "taken");

        assertThat(run()).isEqualTo(Scenario.SUCCESS);

        assertThat(text()).contains("year 2026 is partly taken (county 620723 has a fund already); trying 2025",
                "setup: year 2025:");
    }

    @Test
    void datesTheDisbursementsTodayWhileThisYearsFifteenthOfJuneIsAhead() throws Exception {
        clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

        assertThat(run()).as(text()).isEqualTo(Scenario.SUCCESS);

        assertThat(text()).contains("setup: year 2026:");
        assertThat(system.disbursementDates).containsExactly("2026-03-01");
    }

    @Test
    void stopsWhenEveryYearTheServiceHoldsIsTaken() throws Exception {
        system.firstYear = 2025;
        system.takenYears = Set.of(2026, 2025);

        assertThat(run()).isEqualTo(Scenario.FAILURE);

        assertThat(text()).contains("FAILED during setup: every year from 2026 down to 2025 has SPECIAL_RELIEF funds "
                + "already, and relief-service holds no earlier year");
        assertThat(system.disbursements).isEmpty();
    }

    @Test
    void countsOnlyTheApprovalsAnswered200AndShowsTheRefusals() throws Exception {
        system.refuseEveryNthApproval = 7;

        int status = run();

        String out = text();
        assertThat(status).isEqualTo(Scenario.FAILURE);
        Matcher money = MONEY.matcher(out);
        assertThat(money.find()).as(out).isTrue();
        assertThat(money.group(3)).isEqualTo("MATCH");
        assertThat(out).contains("approval failed", "FAILED: ", "pair(s) failed",
                "the first distinct unexpected approval answers:", "HTTP 409: {\"status\":409,\"title\":\"Conflict\"}");
    }

    @Test
    void reportsAMismatchWhenTheFundsWereChargedOtherwise() throws Exception {
        system.extraCharge = new BigDecimal("0.01");

        int status = run();

        String out = text();
        assertThat(status).isEqualTo(Scenario.FAILURE);
        Matcher approvals = Pattern.compile("([0-9,]+) approvals answered 200").matcher(out);
        assertThat(approvals.find()).as(out).isTrue();
        BigDecimal difference = new BigDecimal("0.01").multiply(new BigDecimal(approvals.group(1).replace(",", "")));
        assertThat(out).contains("MISMATCH (difference " + difference.toPlainString() + ")",
                "FAILED: the funds' approved totals do not match");
    }

    @Test
    void failsTheSetupWhenNothingAnswers() throws Exception {
        String url = system.url().toString();
        system.close();

        int status = run("--url", url, "--members-url", url);

        assertThat(status).isEqualTo(Scenario.FAILURE);
        assertThat(text()).contains("FAILED during setup:", "Is members-service running");
    }

    @Test
    void readsTheIdOfACreatedDisbursementOnlyWhenItFitsAPath() {
        assertThat(ReliefPairs.idOf("{\"id\":\"0b5e-42\",\"status\":\"REQUESTED\"}")).isEqualTo("0b5e-42");
        assertThat(ReliefPairs.idOf("{\"id\":\"../x\"}")).isNull();
        assertThat(ReliefPairs.idOf("{\"id\":42}")).isNull();
        assertThat(ReliefPairs.idOf("not json")).isNull();
        assertThat(SetupClient.ruleOf("{\"status\":422,\"rule\":\"member-unknown\"}")).isEqualTo("member-unknown");
        assertThat(SetupClient.ruleOf("<html>")).isNull();
    }

    private int run(String... overrides) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", system.url().toString(), "--members-url", system.url().toString(),
                "--clients", "4", "--warmup", "300ms", "--duration", "700ms", "--members", "12",
                "--pid-file", "/nonexistent/relief-service.pid", "--seed", "20151236"));
        args.addAll(List.of(overrides));
        ReliefScenario scenario = new ReliefScenario(tokens, clock);
        return scenario.run(Arguments.parse(args, scenario.options()), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
