package org.cusax.bench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of JMH's JSON result file ({@code -rf json}): which benchmark, with which parameters, and
 * its primary score. The run settings are kept for the table's header.
 *
 * @param benchmark fully qualified benchmark method, e.g. {@code org.cusax.bench.contact.TelIndexLookupBenchmark.owners}
 * @param mode      JMH mode, e.g. {@code avgt}
 * @param params    the {@code @Param} values, in the file's order
 * @param score     the primary metric's score
 * @param error     its 99.9% error; NaN when JMH could not compute one (a single iteration)
 * @param unit      e.g. {@code ns/op}
 * @param settings  forks, warm-up and measurement settings, JMH and JDK versions, as a readable line
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
                        String unit, String settings) {

    /** The entries of a JMH JSON result file (a JSON array). */
    public static List<JmhResult> listOf(JsonNode root) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("a JMH JSON result file is an array of benchmark results");
        }
        List<JmhResult> results = new ArrayList<>();
        root.forEach(node -> results.add(of(node)));
        return results;
    }

    /** One entry. */
    public static JmhResult of(JsonNode node) {
        JsonNode metric = node.path("primaryMetric");
        if (!node.hasNonNull("benchmark") || !metric.has("score")) {
            throw new IllegalArgumentException("not a JMH result entry: " + abbreviate(node.toString()));
        }
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return new JmhResult(node.get("benchmark").asText(), node.path("mode").asText(""), params,
                number(metric.get("score")), number(metric.get("scoreError")), metric.path("scoreUnit").asText(""),
                settings(node));
    }

    /** The benchmark without its package: {@code TelIndexLookupBenchmark.owners}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static String settings(JsonNode n) {
        List<String> jvmArgs = new ArrayList<>();
        n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return String.format("JMH %s, %s fork(s), %s thread(s), warm-up %s × %s, measurement %s × %s; %s %s (%s)%s",
                n.path("jmhVersion").asText("?"), n.path("forks").asText("?"), n.path("threads").asText("?"),
                n.path("warmupIterations").asText("?"), n.path("warmupTime").asText("?"),
                n.path("measurementIterations").asText("?"), n.path("measurementTime").asText("?"),
                n.path("vmName").asText("?"), n.path("jdkVersion").asText("?"), n.path("vmVersion").asText("?"),
                jvmArgs.isEmpty() ? "" : ", JVM options " + String.join(" ", jvmArgs));
    }

    /** JMH writes NaN (no error estimate) as the string "NaN". */
    private static double number(JsonNode value) {
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
