package org.memberaid.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final Duration MOMENT = Duration.ofMillis(200);

    @Test
    void doublesFromTheFirstWaitUpToTheLongestWhileTheConsumerKeepsDying() {
        RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(java.util.stream.Stream.generate(() -> backoff.after(MOMENT)).limit(7).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void startsOverAfterARunAsLongAsTheLongestWait() {
        RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        backoff.after(MOMENT);
        backoff.after(MOMENT);
        backoff.after(MOMENT);

        assertThat(backoff.after(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(MOMENT)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesAWaitThatIsNotPositiveOrALongestShorterThanTheFirst() {
        assertThatThrownBy(() -> new RestartBackoff(Duration.ZERO, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
