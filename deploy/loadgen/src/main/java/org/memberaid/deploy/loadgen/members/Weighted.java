package org.memberaid.deploy.loadgen.members;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks among values with fixed relative weights. */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulativeWeights = new ArrayList<>();
    private double totalWeight;

    Weighted<T> add(double weight, T value) {
        totalWeight += weight;
        values.add(value);
        cumulativeWeights.add(totalWeight);
        return this;
    }

    T pick(SplittableRandom random) {
        double point = random.nextDouble() * totalWeight;
        for (int i = 0; i < values.size(); i++) {
            if (point < cumulativeWeights.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
