package org.cusax.bench.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cusax.bench.e2e.Machine;

/**
 * The end-to-end benchmarks of issue 13 besides the roster one, against real servers (cusax-testbed): INVITE →
 * 180 (sipp → Kamailio → cusax / baresip), CPU per G.711 call with concurrent calls, heap per contact, chat
 * messages per second through the daemon; and the caller lookup at up to 100,000 contacts (JMH). Writes {@code e2e.md}, {@code e2e.csv} and {@code e2e-*.png} into the
 * output directory and prints the table.
 *
 * <pre>EndToEndBench [--only invite,cpu,heap,chat,lookup] [--reps 3] [--calls 200] [--concurrent 10] [--call-seconds 20]
 *               [--contacts 10000] [--messages 2000] [--out bench/results]</pre>
 */
public final class EndToEndBench {
    /** What one run does; {@link #defaults()} is the issue's. */
    public record Plan(Set<String> only, int reps, int calls, int concurrent, Duration callLength, int contacts,
                       int messages) {
        public static Plan defaults() {
            return new Plan(Set.of("invite", "cpu", "heap", "chat", "lookup"), 3, 200, 10, Duration.ofSeconds(20), 10_000, 2_000);
        }
    }

    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        Plan d = Plan.defaults();
        Set<String> only = d.only();
        int reps = d.reps();
        int calls = d.calls();
        int concurrent = d.concurrent();
        Duration length = d.callLength();
        int contacts = d.contacts();
        int messages = d.messages();
        Path out = Path.of("bench/results");
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--help") || args[i].equals("-h") || i + 1 >= args.length) {
                System.out.println("usage: run-e2e-bench [--only invite,cpu,heap,chat,lookup] [--reps 3] [--calls 200]"
                        + " [--concurrent 10] [--call-seconds 20] [--contacts 10000] [--messages 2000]"
                        + " [--out bench/results]\n       run-e2e-bench --replot bench/results/e2e.csv   (the PNGs again"
                        + " from a run's CSV)");
                return;
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--only" -> only = Arrays.stream(v.split(",")).map(String::strip).collect(Collectors.toSet());
                case "--reps" -> reps = Integer.parseInt(v);
                case "--calls" -> calls = Integer.parseInt(v);
                case "--concurrent" -> concurrent = Integer.parseInt(v);
                case "--call-seconds" -> length = Duration.ofSeconds(Long.parseLong(v));
                case "--contacts" -> contacts = Integer.parseInt(v);
                case "--messages" -> messages = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--replot" -> {
                    E2eReport.plots(E2eReport.readCsv(Path.of(v)), Path.of(v).toAbsolutePath().getParent());
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
            }
        }
        String loadBefore = Machine.loadAverage();
        Plan plan = new Plan(only, reps, calls, concurrent, length, contacts, messages);
        Path work = Files.createTempDirectory("cusax-e2e-bench");
        List<Figure> figures;
        try {
            figures = run(plan, work);
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(out);
        System.out.println(E2eReport.write(figures, plan, out, Machine.describe(loadBefore)));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs the benchmarks of {@code plan}, each in its own world of servers, stopped afterwards. */
    public static List<Figure> run(Plan plan, Path work) throws Exception {
        List<Figure> figures = new ArrayList<>();
        if (plan.only().contains("invite") || plan.only().contains("cpu")) {
            try (SipWorld world = SipWorld.start(work.resolve("sip"), plan.only().contains("invite"))) {
                if (plan.only().contains("invite")) {
                    InviteRinging.warmUp(world, plan.calls());
                }
                for (int rep = 1; rep <= plan.reps(); rep++) {
                    if (plan.only().contains("invite")) {
                        figures.addAll(InviteRinging.run(world, plan.calls(), rep));
                    }
                    if (plan.only().contains("cpu")) {
                        figures.addAll(G711CallCpu.run(world, plan.concurrent(), plan.callLength(), rep));
                    }
                }
            }
        }
        if (plan.only().contains("heap")) {
            figures.addAll(HeapPerContact.run(plan.contacts(), plan.reps(), work.resolve("heap")));
        }
        if (plan.only().contains("chat")) {
            figures.addAll(DaemonChatRate.run(plan.messages(), plan.reps(), work.resolve("chat")));
        }
        if (plan.only().contains("lookup")) {
            figures.addAll(CallerLookup.run(Math.max(3, plan.reps())));
        }
        return figures;
    }
}
