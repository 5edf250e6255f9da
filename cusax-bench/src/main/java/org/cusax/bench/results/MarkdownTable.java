package org.cusax.bench.results;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders JMH results as a markdown document: a short header and one table row per benchmark. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    /**
     * @param results what JMH measured
     * @param source  where the results were read from, shown in the header
     * @param machine a line describing the machine, or null
     */
    public static String render(List<JmhResult> results, String source, String machine) {
        StringBuilder md = new StringBuilder("# cusax-bench results\n\n");
        md.append("Source: `").append(source).append("`").append("  \n");
        if (machine != null && !machine.isBlank()) {
            md.append("Machine: ").append(machine.strip()).append("  \n");
        }
        if (!results.isEmpty()) {
            md.append("Run: ").append(results.get(0).settings()).append("\n");
        }
        md.append("\nScore is the average time per operation; error is JMH's 99.9% confidence half-width.\n\n");
        md.append("| benchmark | params | mode | score | error | unit |\n");
        md.append("|---|---|---|--:|--:|---|\n");
        for (JmhResult r : results) {
            md.append("| ").append(r.shortName())
                    .append(" | ").append(params(r))
                    .append(" | ").append(r.mode())
                    .append(" | ").append(format(r.score()))
                    .append(" | ").append(Double.isNaN(r.error()) ? "n/a" : "± " + format(r.error()))
                    .append(" | ").append(r.unit())
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String params(JmhResult r) {
        return r.params().isEmpty() ? "" : r.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Three significant digits at least, thousands grouped: 12.3, 1.23, 0.0123, 12,345. */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
