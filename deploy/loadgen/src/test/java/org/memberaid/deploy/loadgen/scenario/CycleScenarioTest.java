package org.memberaid.deploy.loadgen.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.members.CountyCensus;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

class CycleScenarioTest {

    /** 1 December 2026, 02:00 in Asia/Shanghai: still 30 November in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private final AccessTokens tokens = AccessTokens.from(role -> role.name().toLowerCase(Locale.ROOT) + "-token");
    private ByteArrayOutputStream output = new ByteArrayOutputStream();
    private FakeCycleSystem system;

    @BeforeEach
    void start() throws Exception {
        system = new FakeCycleSystem();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void evaluatesAndApprovesTheCountysCycleAndASecondRunEntitlesOnlyItsNewMembers() throws Exception {
        int first = run("--seed", "1");
        String firstOut = text();
        int qualifying = qualifying(1);

        assertThat(first).as(firstOut).isEqualTo(Scenario.SUCCESS);
        assertThat(firstOut).contains("setup: policy of 620721: the living subsidy is 300.00 to 500.00 yuan, from age 70",
                "200 made eligible (40 %", "allocated, budget 1000000.00", "imported 500, rejected 0",
                "knew the last 64 imported members", "setup: before the cycle: fund approved 0.00 yuan; 0 APPROVED",
                "evaluation: ", qualifying + " entitlements, total " + total(qualifying), "excluded: hardship-required",
                "approval:   ", "APPROVED", "the fund's approved grew by " + total(qualifying) + " yuan", "target: evaluation <= 2 s: met",
                "every one is entitled", "OK: ");
        assertThat(firstOut).doesNotContain("MISMATCH").contains("disbursements: APPROVED LIVING_SUBSIDY of 620721 dated 2026-12-01 grew by "
                + qualifying + ", entitlements " + qualifying + ": MATCH");
        assertThat(qualifying).isGreaterThanOrEqualTo(200);

        output = new ByteArrayOutputStream();
        int second = run("--seed", "2");
        String secondOut = text();

        assertThat(second).as(secondOut).isEqualTo(Scenario.SUCCESS);
        assertThat(secondOut).contains("exists: budget 1000000.00, approved " + total(qualifying),
                qualifying(2) + " entitlements", "living-subsidy-once-a-year " + qualifying,
                "summary: evaluation ", ": MATCH");
        assertThat(system.livingSubsidies()).isEqualTo(qualifying + qualifying(2));
    }

    @Test
    void actsAsTheRoleEachRequestNeeds() throws Exception {
        assertThat(run("--seed", "3")).as(text()).isEqualTo(Scenario.SUCCESS);

        assertThat(system.authorizationsByRoute).containsEntry("POST /api/members/import", Set.of("Bearer registrar-token"))
                .containsEntry("GET /api/members", Set.of("Bearer registrar-token"))
                .containsEntry("POST /api/funds", Set.of("Bearer admin-token"))
                .containsEntry("GET /api/funds/{id}", Set.of("Bearer admin-token"))
                .containsEntry("POST /api/cycles", Set.of("Bearer caseworker-token"))
                .containsEntry("POST /api/cycles/{id}/evaluation", Set.of("Bearer caseworker-token"))
                .containsEntry("POST /api/cycles/{id}/approval", Set.of("Bearer approver-token"))
                .containsEntry("GET /api/disbursements", Set.of("Bearer caseworker-token"));
    }

    @Test
    void raisesTheBudgetOfAFundWithTooLittleLeft() throws Exception {
        String id = UUID.randomUUID().toString();
        system.funds.put(id, new FakeCycleSystem.Fund("620721", 2026, new BigDecimal[] {new BigDecimal("600000.00")},
                new BigDecimal[] {new BigDecimal("590000.00")}));

        assertThat(run("--seed", "4")).as(text()).isEqualTo(Scenario.SUCCESS);

        assertThat(text()).contains("exists: budget 600000.00, approved 590000.00, remaining 10000.00",
                "budget raised from 600000.00 to 1000000.00");
        assertThat(system.budgetsSet).containsExactly("1000000.00");
    }

    @Test
    void aFundChargedOtherThanTheTotalIsAMismatch() throws Exception {
        system.extraCharge = new BigDecimal("0.01");

        assertThat(run("--seed", "5")).isEqualTo(Scenario.FAILURE);

        assertThat(text()).contains("MISMATCH (difference 0.01)", "FAILED");
    }

    @Test
    void anAmountOutsideTheBandStopsBeforeAnythingIsImported() throws Exception {
        assertThat(run("--seed", "6", "--amount", "600")).isEqualTo(Scenario.FAILURE);

        assertThat(text()).contains("--amount 600.00 lies outside the county's band 300.00-500.00");
        assertThat(system.membersByNationalId).isEmpty();
    }

    private int qualifying(long seed) {
        return CountyCensus.generate(new SyntheticMembers(seed, TODAY), "620721", 500, 40, 70).qualifying(TODAY, 70);
    }

    private static String total(int entitlements) {
        return new BigDecimal("500.00").multiply(BigDecimal.valueOf(entitlements)).toPlainString();
    }

    private int run(String... overrides) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", system.url().toString(), "--members-url", system.url().toString(),
                "--members", "500", "--pid-file", "/nonexistent/relief-service.pid"));
        args.addAll(List.of(overrides));
        CycleScenario scenario = new CycleScenario(tokens, CLOCK);
        return scenario.run(Arguments.parse(args, scenario.options()), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
