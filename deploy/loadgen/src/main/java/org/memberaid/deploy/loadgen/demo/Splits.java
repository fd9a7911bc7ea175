package org.memberaid.deploy.loadgen.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** How the demo divides a city-wide figure among the counties. */
final class Splits {

    private Splits() {
    }

    /**
     * Largest remainder (Hamilton): {@code total × weight / Σ weights} rounded down, then one more
     * to the largest remainders, ties to the earlier county. The parts sum to {@code total}.
     */
    static int[] largestRemainder(int total, int[] weights) {
        long sum = Arrays.stream(weights).asLongStream().sum();
        int[] parts = new int[weights.length];
        long[] remainders = new long[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            long share = (long) total * weights[i];
            parts[i] = (int) (share / sum);
            remainders[i] = share % sum;
            given += parts[i];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int i = 0; given < total; i++, given++) {
            parts[order[i]]++;
        }
        return parts;
    }
}
