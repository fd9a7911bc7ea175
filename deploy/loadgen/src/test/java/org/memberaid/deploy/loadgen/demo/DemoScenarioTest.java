package org.memberaid.deploy.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.UsageException;

class DemoScenarioTest {

    private static final AccessTokens TOKENS = AccessTokens.from(role -> "token-of-" + role.name().toLowerCase());

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final DemoScenario scenario = new DemoScenario(TOKENS);

    @Test
    void loadsTheDemoComparesTheReportsAndPrintsHowLongEachStepTook() throws Exception {
        try (FakeDemoSystem system = new FakeDemoSystem()) {
            int status = scenario.run(arguments(system), out);

            String report = printed.toString(StandardCharsets.UTF_8);
            assertThat(status).as(report).isEqualTo(Scenario.SUCCESS);
            assertThat(report).contains("demo: Zhangye 2015, seed 2015: 88,986 members", "step members", "step assistance",
                    "trainingPersonTimes", "took: generation", "OK: every 2015 figure of 620700");
        }
    }

    @Test
    void failsWhenAFigureDiffers() throws Exception {
        try (FakeDemoSystem system = new FakeDemoSystem()) {
            scenario.run(arguments(system), out);
            system.misreported.put("membersPaired", "2007");
            printed.reset();

            List<DemoCheck.Mismatch> mismatches = new DemoCheck(system.url(), TOKENS, java.time.Duration.ZERO)
                    .awaitAndCompare(ZhangyeDemoTest.DEMO, out);

            assertThat(mismatches).extracting(DemoCheck.Mismatch::field).containsOnly("membersPaired");
        }
    }

    @Test
    void refusesAUrlThatIsNotPlainHttp() {
        Arguments arguments = Arguments.parse(List.of("--reports-url", "https://localhost:8083"), scenario.options());

        assertThatThrownBy(() -> scenario.run(arguments, out)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--reports-url");
    }

    private Arguments arguments(FakeDemoSystem system) {
        String url = system.url().toString();
        return Arguments.parse(List.of("--seed", "2015", "--members-url", url, "--url", url, "--reports-url", url,
                "--concurrency", "8"), scenario.options());
    }
}
