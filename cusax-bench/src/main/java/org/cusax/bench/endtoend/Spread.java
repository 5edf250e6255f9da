package org.cusax.bench.endtoend;

import java.util.List;
import java.util.Locale;

/** Median and range of one subject's values over the repetitions. */
record Spread(double median, double min, double max, int n) {
    static Spread of(List<Figure> figures, String bench, String subject) {
        double[] v = figures.stream().filter(f -> f.bench().equals(bench) && f.subject().equals(subject))
                .mapToDouble(Figure::value).sorted().toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Spread(median, v[0], v[v.length - 1], v.length);
    }

    /** {@code median [min–max]} with {@code decimals} digits after the point. */
    String format(int decimals) {
        String f = "%." + decimals + "f";
        if (n == 0) {
            return "—";
        }
        return n == 1 || min == max ? String.format(Locale.ROOT, f, median)
                : String.format(Locale.ROOT, f + " [" + f + "–" + f + "]", median, min, max);
    }
}
