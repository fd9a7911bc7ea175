package org.memberaid.deploy.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.members.MemberCsv;
import org.memberaid.deploy.loadgen.scenario.CsvScenario;
import org.memberaid.deploy.loadgen.scenario.ImportScenario;
import org.memberaid.deploy.loadgen.scenario.RegisterScenario;
import org.memberaid.deploy.loadgen.scenario.ReliefScenario;

class LoadGeneratorTest {

    private static final AccessTokens NO_TOKENS = AccessTokens.from(role -> null);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LoadGenerator generator =
            new LoadGenerator(List.of(new RegisterScenario(NO_TOKENS), new ImportScenario(NO_TOKENS), new CsvScenario(),
                    new ReliefScenario(NO_TOKENS)));

    @Test
    void listsTheScenariosWhenAskedAndFailsWithoutOne() {
        assertThat(run("--help")).isZero();
        assertThat(text(out)).contains("register", "import", "csv", "relief");
        assertThat(run()).isEqualTo(LoadGenerator.USAGE_ERROR);
    }

    @Test
    void rejectsAnUnknownScenarioOrOption() {
        assertThat(run("unregister")).isEqualTo(LoadGenerator.USAGE_ERROR);
        assertThat(text(err)).contains("Unknown scenario 'unregister'");
        assertThat(run("register", "--client", "4")).isEqualTo(LoadGenerator.USAGE_ERROR);
        assertThat(text(err)).contains("unknown option --client", "--clients");
    }

    @Test
    void describesTheOptionsOfAScenario() {
        assertThat(run("import", "--help")).isZero();
        assertThat(text(out)).contains("--members", "(default 88986)", "--csv-out", "--bootstrap");
    }

    @Test
    void describesTheOptionsOfTheReliefScenario() {
        assertThat(run("relief", "--help")).isZero();
        assertThat(text(out)).contains("--members-url", "(default http://localhost:8081)", "(default http://localhost:8082)",
                "(default 200)", "relief-service.pid");
    }

    @Test
    void failsInOneLineNamingTheVariableWhenARoleHasNoToken() {
        assertThat(run("register", "--duration", "1s")).isEqualTo(Scenario.FAILURE);

        assertThat(text(err)).isEqualTo("deploy/loadgen.sh register: no access token for the role registrar: set"
                + " MEMBERAID_TOKEN_REGISTRAR (deploy/loadgen.sh gets one from deploy/token.sh when Keycloak runs)"
                + System.lineSeparator());
    }

    @Test
    void writesTheSameCsvTwiceForTheSameSeed(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.csv");
        Path second = directory.resolve("second.csv");

        assertThat(run("csv", "--members", "20", "--seed", "2015", "--out", first.toString())).isZero();
        assertThat(run("csv", "--members", "20", "--seed", "2015", "--out", second.toString())).isZero();

        List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo(String.join(",", MemberCsv.HEADER));
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        assertThat(text(out)).contains("seed 2015");
    }

    private int run(String... args) {
        return generator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
