package org.memberaid.deploy.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.cli.AccessTokens;

class DemoLoaderTest {

    private static final ZhangyeDemo DEMO = ZhangyeDemoTest.DEMO;
    private static final AccessTokens TOKENS = AccessTokens.from(role -> "token-of-" + role.name().toLowerCase());

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void loadsWhatTheDemoPlansAndTheReportsGiveItsFigures() throws Exception {
        try (FakeDemoSystem system = new FakeDemoSystem()) {
            system.memberUnknownAnswers.set(50);

            Map<String, Duration> steps = loader(system).load(DEMO);

            assertThat(steps).containsOnlyKeys("members", "policies", "funds", "replica", "disbursements", "cycles", "assistance");
            assertThat(system.membersById).hasSize(88_986);
            assertThat(system.registrations).hasValue(4_386);
            assertThat(system.imports).hasValue(6);
            assertThat(system.policies.get(DemoCounty.SUNAN).get("hardshipReliefMax").decimalValue()).isEqualByComparingTo("5000");
            assertThat(system.funds).hasSize(12);
            assertThat(system.disbursementsOfKind("HOLIDAY_VISIT") + system.disbursementsOfKind("HARDSHIP_RELIEF")
                    + system.disbursementsOfKind("STARTUP_SUPPORT")).isEqualTo(DEMO.disbursements().size());
            assertThat(system.disbursements.values()).allSatisfy(d -> assertThat(d.status()).isEqualTo("APPROVED"));
            assertThat(system.cycles.values()).hasSize(6).allSatisfy(c -> assertThat(c.row.get("status").asText()).isEqualTo("APPROVED"));
            assertThat(system.assistance).hasSize(DEMO.assistance().size());
            assertThat(system.memberUnknownAnswers.get()).isNegative();
            assertThat(system.requestsWithoutToken).hasValue(0);
            assertThat(new DemoCheck(system.url(), TOKENS).compare(DEMO)).isEmpty();
        }
    }

    @Test
    void aSecondLoadOfTheSameSeedChangesNothing() throws Exception {
        try (FakeDemoSystem system = new FakeDemoSystem()) {
            loader(system).load(DEMO);
            int disbursements = system.disbursements.size();
            int assistance = system.assistance.size();

            loader(system).load(DEMO);

            assertThat(system.membersById).hasSize(88_986);
            assertThat(system.registrations).hasValue(4_386);
            assertThat(system.policyChanges).hasValue(1);
            assertThat(system.funds).hasSize(12);
            assertThat(system.disbursements).hasSize(disbursements);
            assertThat(system.cycles).hasSize(6);
            assertThat(system.assistance).hasSize(assistance);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("members: 4,386 registered one by one (0 new, 4,386 there already); 84,600 imported in 6 files (0 new, 84,600 there already)")
                    .contains("funds: 12 of 2015 (0 allocated, 12 there already)")
                    .contains("approved already")
                    .contains("is APPROVED already");
            assertThat(new DemoCheck(system.url(), TOKENS).compare(DEMO)).isEmpty();
        }
    }

    @Test
    void aRequestWhoseAnswerWasLostIsSentAgainWithItsKeyAndDoneOnce() throws Exception {
        try (FakeDemoSystem system = new FakeDemoSystem()) {
            system.lostAnswers.set(25);

            loader(system).load(DEMO);

            assertThat(system.lostAnswers.get()).isNegative();
            assertThat(system.disbursements.size() - DEMO.expected(DemoCounty.CITY).entrySet().stream()
                    .filter(figure -> figure.getKey().equals("disbursementsLivingSubsidy")).mapToInt(figure -> Integer.parseInt(figure.getValue()))
                    .sum()).isEqualTo(DEMO.disbursements().size());
            assertThat(system.assistance).hasSize(DEMO.assistance().size());
            assertThat(new DemoCheck(system.url(), TOKENS).compare(DEMO)).isEmpty();
        }
    }

    @Test
    void theCheckNamesEveryFigureThatDiffers() throws Exception {
        try (FakeDemoSystem system = new FakeDemoSystem()) {
            loader(system).load(DEMO);
            system.misreported.put("trainingPersonTimes", "779");

            List<DemoCheck.Mismatch> mismatches = new DemoCheck(system.url(), TOKENS, Duration.ofSeconds(2)).awaitAndCompare(DEMO, out);

            assertThat(mismatches).hasSize(7).allSatisfy(m -> assertThat(m.field()).isEqualTo("trainingPersonTimes"));
            assertThat(mismatches.get(0)).isEqualTo(new DemoCheck.Mismatch("620700", "trainingPersonTimes", "780", "779"));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("779/780!");
        }
    }

    private DemoLoader loader(FakeDemoSystem system) {
        DemoLoader.Endpoints endpoints = new DemoLoader.Endpoints(system.url(), system.url(), system.url());
        return new DemoLoader(endpoints, TOKENS, 16, out, Duration.ofSeconds(30));
    }
}
