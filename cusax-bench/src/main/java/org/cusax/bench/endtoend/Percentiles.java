package org.cusax.bench.endtoend;

import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) by nearest rank; NaN for an empty sample. */
    static double of(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }
}
