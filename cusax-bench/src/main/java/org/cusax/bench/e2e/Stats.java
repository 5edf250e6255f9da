package org.cusax.bench.e2e;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Median and spread of one scenario's samples. */
record Stats(double median, double min, double max) {
    static Stats of(List<Sample> samples, String scenario, ToDoubleFunction<Sample> value) {
        double[] v = samples.stream().filter(s -> s.scenario().equals(scenario)).mapToDouble(value).sorted().toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Stats(median, v[0], v[v.length - 1]);
    }

    @Override
    public String toString() {
        return min == max ? String.format(Locale.ROOT, "%.0f", median)
                : String.format(Locale.ROOT, "%.0f [%.0f–%.0f]", median, min, max);
    }
}
