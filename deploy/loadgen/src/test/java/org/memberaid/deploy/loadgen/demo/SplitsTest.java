package org.memberaid.deploy.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void givesTheLargestRemaindersOneMoreAndSumsToTheWhole() {
        int[] weights = DemoCounty.inDifficultyWeights();

        assertThat(Splits.largestRemainder(279, weights)).containsExactly(89, 15, 52, 37, 42, 44);
        assertThat(Arrays.stream(Splits.largestRemainder(1_221, weights)).sum()).isEqualTo(1_221);
        assertThat(Splits.largestRemainder(3, new int[] {1, 1, 1, 1})).containsExactly(1, 1, 1, 0);
    }
}
