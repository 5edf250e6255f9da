package org.cusax.bench.endtoend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Caller lookup at 1,000, 10,000 and 100,000 contacts (the last holds over 200,000 numbers): the JMH benchmark
 * {@code contact.TelIndexLookupBenchmark#owners} for the caller ID of an incoming INVITE
 * ({@code sip:+33612345678@cusax.test;user=phone}), run through JMH's API in its own fork (1 GiB pre-touched
 * heap, as the benchmark declares). The spread is over JMH's measurement iterations; the ratio 100,000 / 1,000
 * shows whether the lookup stays O(1) in the size of the book.
 */
final class CallerLookup {
    static final String BENCH = "caller-lookup";
    static final String[] SIZES = {"1000", "10000", "100000"};

    private CallerLookup() {
    }

    static List<Figure> run(int iterations) throws Exception {
        Options options = new OptionsBuilder()
                .include("org\\.cusax\\.bench\\.contact\\.TelIndexLookupBenchmark\\.owners$")
                .param("contacts", SIZES).param("callerId", "SIP_USER_PHONE")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1)).build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figure> out = new ArrayList<>();
        double[] medians = new double[SIZES.length];
        for (RunResult r : results) {
            String contacts = r.getParams().getParam("contacts");
            int index = List.of(SIZES).indexOf(contacts);
            List<Double> scores = new ArrayList<>();
            int rep = 0;
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    double score = i.getPrimaryResult().getScore();
                    scores.add(score);
                    out.add(new Figure(BENCH, "owners(), " + contacts + " contacts", ++rep, score, "ns",
                            Long.parseLong(contacts)));
                }
            }
            medians[index] = Percentiles.of(scores, 50);
        }
        out.add(new Figure(BENCH, "100,000 / 1,000 contacts", 1, medians[2] / medians[0], "×", 100_000));
        return out;
    }
}
