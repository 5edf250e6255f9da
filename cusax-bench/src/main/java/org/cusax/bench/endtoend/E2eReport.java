package org.cusax.bench.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** {@code e2e.md} (the table, printed too), {@code e2e.csv} (every figure) and one PNG per benchmark. */
final class E2eReport {
    private static final Map<String, String> TITLES = Map.of(
            InviteRinging.BENCH, "INVITE → 180 through Kamailio (sipp calling; sipp's own timestamps)",
            G711CallCpu.BENCH, "CPU per G.711 call, concurrent calls with RTP both ways (cusax callee)",
            HeapPerContact.BENCH, "Heap per contact (Chat half + ContactBook, retained after GC)",
            DaemonChatRate.BENCH, "Chat messages per second through the daemon's HTTP command API",
            CallerLookup.BENCH, "Caller lookup (TelIndex#owners, JMH), by contacts in the book");
    private static final List<String> ORDER = List.of(InviteRinging.BENCH, G711CallCpu.BENCH, HeapPerContact.BENCH,
            DaemonChatRate.BENCH, CallerLookup.BENCH);

    private E2eReport() {
    }

    static String write(List<Figure> figures, EndToEndBench.Plan plan, Path out, String machine) throws IOException {
        StringBuilder md = new StringBuilder("# End-to-end benchmarks (cusax-bench EndToEndBench)\n\n");
        md.append("Machine: ").append(machine).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Plan: %d repetition(s); INVITE → 180: %d calls per callee per "
                        + "repetition; G.711: %d concurrent calls of %d s; heap: %d contacts; chat: %d messages. "
                        + "Each figure is the median [min–max] over the repetitions; ratios are computed within "
                        + "each repetition.%n%n", plan.reps(), plan.calls(), plan.concurrent(),
                plan.callLength().toSeconds(), plan.contacts(), plan.messages()));
        md.append("| benchmark | figure | median [min–max] | unit | counted over | goal |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (String bench : ORDER) {
            for (String subject : subjects(figures, bench)) {
                Spread s = Spread.of(figures, bench, subject);
                Figure any = figures.stream().filter(f -> f.bench().equals(bench) && f.subject().equals(subject))
                        .findFirst().orElseThrow();
                long count = figures.stream().filter(f -> f.bench().equals(bench) && f.subject().equals(subject))
                        .mapToLong(Figure::count).min().orElse(0);
                md.append("| ").append(bench).append(" | ").append(subject).append(" | ")
                        .append(s.format(decimals(any.unit(), s))).append(" | ")
                        .append(any.unit()).append(" | ").append(count).append(" | ")
                        .append(Goals.verdict(bench, subject, s)).append(" |\n");
            }
        }
        String table = md.toString();
        Files.writeString(out.resolve("e2e.md"), table);
        StringBuilder csv = new StringBuilder("benchmark,figure,rep,value,unit,count\n");
        for (Figure f : figures) {
            csv.append(String.format(Locale.ROOT, "%s,\"%s\",%d,%.4f,%s,%d%n", f.bench(), f.subject(), f.rep(),
                    f.value(), f.unit(), f.count()));
        }
        Files.writeString(out.resolve("e2e.csv"), csv.toString());
        plots(figures, out);
        return table;
    }

    /** The PNGs alone, e.g. again from a run's {@code e2e.csv} ({@link #readCsv}). */
    static void plots(List<Figure> figures, Path out) throws IOException {
        for (String bench : ORDER) {
            plot(figures, bench, out.resolve("e2e-" + bench));
        }
    }

    /** The figures of an {@code e2e.csv} written by {@link #write}. */
    static List<Figure> readCsv(Path csv) throws IOException {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("([^,]+),\"([^\"]*)\",(\\d+),([^,]+),([^,]+),(\\d+)");
        List<Figure> figures = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.matches()) {
                figures.add(new Figure(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                        Double.parseDouble(m.group(4)), m.group(5), Long.parseLong(m.group(6))));
            }
        }
        return figures;
    }

    private static int decimals(String unit, Spread s) {
        if (unit.equals("×")) {
            return 2;
        }
        return unit.equals("calls") || s.median() >= 10 ? 0 : 2;
    }

    private static Set<String> subjects(List<Figure> figures, String bench) {
        Set<String> s = new LinkedHashSet<>();
        figures.stream().filter(f -> f.bench().equals(bench)).forEach(f -> s.add(f.subject()));
        return s;
    }

    /** Min, median and max over the repetitions, grouped per figure, for the figures in the benchmark's main unit. */
    private static void plot(List<Figure> figures, String bench, Path file) throws IOException {
        List<String> names = new ArrayList<>();
        List<Double> mins = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> maxes = new ArrayList<>();
        String unit = null;
        for (String subject : subjects(figures, bench)) {
            Figure any = figures.stream().filter(f -> f.bench().equals(bench) && f.subject().equals(subject))
                    .findFirst().orElseThrow();
            if (unit == null) {
                unit = any.unit();
            }
            if (!any.unit().equals(unit)) {
                continue;
            }
            Spread s = Spread.of(figures, bench, subject);
            names.add(subject);
            mins.add(s.min());
            medians.add(s.median());
            maxes.add(s.max());
        }
        if (names.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(TITLES.get(bench))
                .xAxisTitle("").yAxisTitle(unit).build();
        chart.getStyler().setYAxisMin(0.0);
        chart.addSeries("min", names, mins);
        chart.addSeries("median", names, medians);
        chart.addSeries("max", names, maxes);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
