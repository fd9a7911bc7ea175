package org.memberaid.deploy.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of("clients", "32", "clients"),
            OptionSpec.of("duration", "60s", "duration"),
            OptionSpec.optional("csv-out", "file"));

    @Test
    void fillsInDefaultsAndReadsBothSpellings() {
        Arguments arguments = Arguments.parse(List.of("--clients", "8", "--duration=15s"), SPECS);

        assertThat(arguments.positiveInt("clients")).isEqualTo(8);
        assertThat(arguments.duration("duration")).isEqualTo(Duration.ofSeconds(15));
        assertThat(arguments.optionalPath("csv-out")).isEmpty();
        assertThat(Arguments.parse(List.of(), SPECS).positiveInt("clients")).isEqualTo(32);
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadNumbers() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--client", "8"), SPECS))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option --client");
        assertThatThrownBy(() -> Arguments.parse(List.of("--clients"), SPECS))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Arguments.parse(List.of("--clients", "0"), SPECS).positiveInt("clients"))
                .isInstanceOf(UsageException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Arguments.parse(List.of("--duration", "soon"), SPECS).duration("duration"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--duration");
    }

    @Test
    void readsDurationsAsPeopleTypeThem() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(Durations.parse("15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.describe(Duration.ofSeconds(15))).isEqualTo("15 s");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
