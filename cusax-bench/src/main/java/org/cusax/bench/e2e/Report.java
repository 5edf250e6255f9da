package org.cusax.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The results: {@code results.csv} (every sample), {@code results.md} (medians with min–max per roster
 * size and RTT, ratios within the run, the goals of issue 13 met or missed) and one PNG per RTT.
 */
final class Report {
    static final double FLOOR_GOAL = 1.15;
    static final double SERIAL_GOAL = 15;
    static final double CPU_GOAL = 1.3;
    /** vcard-temp requests only, no presence: stricter than the same work (cusax also goes online). */
    static final String FLOOR_OFFLINE = "raw-pipelined";
    /** The issue's floor: the same numbers by request (vcard-temp and vCard4 per contact), no presence. */
    static final String FLOOR_ISSUE = "raw-pipelined-2";
    /** The same stanzas as cusax (vcard-temp requests, presence with +notify caps, ping) from stock Smack. */
    static final String FLOOR_ONLINE = "raw-online";
    /** cusax cold with XEP-0198 off, in results.csv only: what stream management costs (not in the table). */
    static final String COLD_WITHOUT_SM = "cusax-cold-no-sm";
    /** Raw Smack's login with stream management (XEP-0198, as cusax's) and roster: no vCard request. */
    static final String LOGIN_SM = "raw-login-sm";
    private static final String[] SCENARIOS = {FLOOR_OFFLINE, FLOOR_ISSUE, FLOOR_ONLINE, "cusax-cold", "cusax-warm",
        "serial"};

    private Report() {
    }

    static String write(List<Sample> samples, Path dir, String machine) throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add(Sample.CSV_HEADER);
        samples.forEach(s -> csv.add(s.csv()));
        Files.write(dir.resolve("results.csv"), csv);
        String md = markdown(samples, machine);
        Files.writeString(dir.resolve("results.md"), md);
        for (int rtt : new TreeSet<>(samples.stream().map(Sample::rttMillis).toList())) {
            plot(samples, rtt, dir.resolve("cold-start-rtt" + rtt + ".png"));
        }
        return md;
    }

    static String markdown(List<Sample> samples, String machine) {
        StringBuilder b = new StringBuilder("# Cold start → callable roster (cusax-bench RosterBench)\n\n");
        b.append("Machine: ").append(machine).append(".\n\n");
        b.append("Times in ms from connection start (JVM excluded) to every contact's numbers known: median "
                + "[min–max] over repetitions. Ratios are of medians within this run. `serial*` = timed on "
                + Scenarios.SERIAL_SAMPLE + " contacts and extrapolated. Three raw Smack floors: **offline** sends "
                + "the vcard-temp requests cusax sends and no presence (it learns no vCard4); **issue** sends a "
                + "vcard-temp and a vCard4 request per contact and no presence (the floor as issue 13 words it: "
                + "the same numbers, by request); **online** sends what cusax sends (the vcard-temp requests, a "
                + "presence asking for vCard4 and reachability notifications, a ping), so the server's work is "
                + "the same. `login + roster`: the offline floor's connection start → roster received, then the same "
                + "for raw Smack logging in with stream management (XEP-0198: Smack waits for `<enabled/>` before "
                + "the roster request, one more round trip; cusax sends its roster request with `<enable/>`; the "
                + "floors go without stream management). Client CPU: "
                + "this JVM's CPU time in the scenario, the relay's threads and the JIT compiler's excluded (the JIT is in "
                + "results.csv, `jit_ms`: a one-off per process); medians, and the same N, so the ratio "
                + "is per contact. Prosody's CPU time in each scenario is in results.csv, `server_cpu_ms`. First number: cusax cold, connection start → the first contact's number known, and in "
                + "parentheses how long after cusax's own roster reached the core (issue 13: one round trip), then "
                + "how long after its roster the offline and the online floor had their first vCard answer: what "
                + "the server and the transport take before any client can know a first number.\n\n");
        b.append("| contacts | RTT ms | floor offline | floor issue | floor online | cusax cold "
                + "| first number (+ ms after the roster: cusax / floor offline / online) "
                + "| cusax warm | login + roster (floor / with XEP-0198) | serial | cold ÷ floor offline / issue / online | serial / cold "
                + "| client CPU ms cold / offline / online | CPU cold ÷ offline / online "
                + "| requests cold / warm / offline / issue / online | numbers known | goals |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int rtt : new TreeSet<>(samples.stream().map(Sample::rttMillis).toList())) {
            for (int n : new TreeSet<>(samples.stream().map(Sample::contacts).toList())) {
                List<Sample> here = samples.stream().filter(s -> s.rttMillis() == rtt && s.contacts() == n).toList();
                if (!here.isEmpty()) {
                    b.append(row(n, rtt, here));
                }
            }
        }
        return b.toString();
    }

    private static String row(int n, int rtt, List<Sample> here) {
        Stats offline = Stats.of(here, FLOOR_OFFLINE, Sample::millis);
        Stats issue = Stats.of(here, FLOOR_ISSUE, Sample::millis);
        Stats online = Stats.of(here, FLOOR_ONLINE, Sample::millis);
        Stats cold = Stats.of(here, "cusax-cold", Sample::millis);
        Stats first = Stats.of(here, "cusax-cold", Sample::firstMillis);
        double afterRoster = afterRoster(here, "cusax-cold");
        double floorFirst = afterRoster(here, FLOOR_OFFLINE);
        double onlineFirst = afterRoster(here, FLOOR_ONLINE);
        Stats warm = Stats.of(here, "cusax-warm", Sample::millis);
        Stats serial = Stats.of(here, "serial", Sample::millis);
        boolean extrapolated = here.stream().anyMatch(Sample::extrapolated);
        Stats roster = Stats.of(here, FLOOR_OFFLINE, Sample::rosterMillis);
        Stats rosterSm = Stats.of(here, LOGIN_SM, Sample::rosterMillis);
        double cpuCold = Stats.of(here, "cusax-cold", Sample::cpuMillis).median();
        double cpuOffline = Stats.of(here, FLOOR_OFFLINE, Sample::cpuMillis).median();
        double cpuOnline = Stats.of(here, FLOOR_ONLINE, Sample::cpuMillis).median();
        Verdicts v = new Verdicts(cold.median() / offline.median(), cold.median() / issue.median(),
                cold.median() / online.median(), serial.median() / cold.median(), cpuCold / cpuOffline,
                cpuCold / cpuOnline, warm.median() <= roster.median() + rtt,
                Double.isNaN(rosterSm.median()) ? null : warm.median() <= rosterSm.median() + rtt, afterRoster,
                floorFirst);
        return String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %.0f (+%.0f / +%.0f / +%.0f) | %s | %.0f / %.0f | %s%s "
                        + "| %.2f× / %.2f× / %.2f× | %.1f× | %.0f / %.0f / %.0f | %.2f× / %.2f× "
                        + "| %.0f / %.0f / %.0f / %.0f / %.0f | %s | %s |%n",
                n, rtt, offline, issue, online, cold, first.median(), afterRoster, floorFirst, onlineFirst, warm,
                roster.median(), rosterSm.median(), serial,
                extrapolated ? "*" : "", v.coldOffline(), v.coldIssue(), v.coldOnline(), v.serialCold(), cpuCold,
                cpuOffline, cpuOnline, v.cpuOffline(), v.cpuOnline(), requests(here, "cusax-cold"),
                requests(here, "cusax-warm"), requests(here, FLOOR_OFFLINE), requests(here, FLOOR_ISSUE),
                requests(here, FLOOR_ONLINE), known(here, n), goals(n, rtt, v, here));
    }

    /** Median of {@code scenario}'s first number (raw floors: first vCard answer) less its roster time. */
    private static double afterRoster(List<Sample> here, String scenario) {
        return Stats.of(here, scenario, s -> s.firstMillis() - s.rosterMillis()).median();
    }

    private static double requests(List<Sample> here, String scenario) {
        return Stats.of(here, scenario, Sample::requests).median();
    }

    private static String known(List<Sample> here, int n) {
        boolean all = here.stream().filter(s -> s.scenario().startsWith("cusax")).allMatch(s -> s.known() == n);
        return all ? "all " + n : "**missing** (min " + here.stream().filter(s -> s.scenario().startsWith("cusax"))
                .mapToInt(Sample::known).min().orElse(0) + ")";
    }

    /**
     * The ratios the goals are about, whether the warm start was ready within login + roster + 1 RTT (the floor's
     * login; and a login with stream management as cusax's, null when not measured), and how long
     * after its roster cusax knew its first number and the offline floor had its first answer.
     */
    private record Verdicts(double coldOffline, double coldIssue, double coldOnline, double serialCold,
                            double cpuOffline, double cpuOnline, boolean warmInTime, Boolean warmInTimeSm,
                            double firstAfterRoster,
                            double floorFirstAfterRoster) {
    }

    private static String goals(int n, int rtt, Verdicts v, List<Sample> here) {
        List<String> verdicts = new ArrayList<>();
        if (n == 1000 && rtt == 50) {
            verdicts.add(verdict("≤ 1.15× floor issue", v.coldIssue() <= FLOOR_GOAL));
            verdicts.add(verdict("≤ 1.15× floor online", v.coldOnline() <= FLOOR_GOAL));
            verdicts.add(verdict("≤ 1.15× floor offline", v.coldOffline() <= FLOOR_GOAL));
            verdicts.add(v.serialCold() >= SERIAL_GOAL ? "≥ 15× serial: met" : "≥ 15× serial: **MISSED**");
            verdicts.add(verdict("first number ≤ 1 RTT after the roster", v.firstAfterRoster() <= rtt));
            verdicts.add(verdict("first number ≤ 1.15× the offline floor's first answer",
                    v.firstAfterRoster() <= FLOOR_GOAL * v.floorFirstAfterRoster()));
        }
        if (rtt == 0) {
            verdicts.add(v.serialCold() >= 1 ? "not slower than serial: met" : "not slower than serial: **MISSED**");
            verdicts.add(verdict("CPU ≤ 1.3× raw online", v.cpuOnline() <= CPU_GOAL));
            verdicts.add(verdict("CPU ≤ 1.3× raw offline", v.cpuOffline() <= CPU_GOAL));
        }
        boolean warmFree = here.stream().filter(s -> s.scenario().equals("cusax-warm")).allMatch(s -> s.requests() == 0);
        verdicts.add(warmFree ? "warm: 0 requests" : "warm: **requests sent**");
        verdicts.add(verdict("warm ≤ login + roster + 1 RTT", v.warmInTime()));
        if (v.warmInTimeSm() != null) {
            verdicts.add(verdict("warm ≤ login with XEP-0198 + roster + 1 RTT", v.warmInTimeSm()));
        }
        return String.join("; ", verdicts);
    }

    private static String verdict(String goal, boolean met) {
        return goal + (met ? ": met" : ": **MISSED**");
    }

    private static void plot(List<Sample> samples, int rtt, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Cold start → callable roster, RTT " + rtt
                + " ms").xAxisTitle("contacts").yAxisTitle("ms (median)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        for (String scenario : SCENARIOS) {
            List<Integer> sizes = new ArrayList<>(new TreeSet<>(samples.stream()
                    .filter(s -> s.rttMillis() == rtt && s.scenario().equals(scenario)).map(Sample::contacts).toList()));
            if (sizes.isEmpty()) {
                continue;
            }
            List<Double> medians = sizes.stream().map(n -> Stats.of(samples.stream()
                    .filter(s -> s.rttMillis() == rtt && s.contacts() == n).toList(), scenario, Sample::millis).median())
                    .toList();
            chart.addSeries(scenario, sizes.stream().map(Integer::doubleValue).toList(), medians);
        }
        String name = file.getFileName().toString();
        BitmapEncoder.saveBitmap(chart, file.resolveSibling(name.substring(0, name.length() - 4)).toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }
}
