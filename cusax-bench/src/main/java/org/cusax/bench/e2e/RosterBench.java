package org.cusax.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.cusax.core.account.Account;
import org.cusax.testbed.relay.TcpRelay;

/**
 * Cold start → callable roster, end to end (issue 13): for each roster size and added round-trip time,
 * against one real Prosody behind a {@link TcpRelay}, in the same run and interleaved per repetition:
 * three raw Smack floors (vcard-temp requests offline; vcard-temp and vCard4 requests offline, as issue 13 words
 * it; the same stanzas as cusax, online), cusax cold (empty cache), cusax warm (same cache, nothing changed) and
 * the serial baseline; and raw Smack's login with stream management + roster (the warm start's yardstick when the
 * login is cusax's). Writes {@code results.md}, {@code results.csv} and PNG plots into the output
 * directory and prints the table.
 *
 * <pre>RosterBench [--sizes 100,1000,10000] [--rtts 0,20,50] [--reps 3] [--out bench/results]</pre>
 */
public final class RosterBench {
    private static final String USAGE = """
            usage: cusax-bench/run-roster-bench [--sizes 100,1000,10000] [--rtts 0,20,50] [--reps 3] [--out bench/results]
              --sizes  roster sizes (contacts), comma-separated
              --rtts   round-trip times added by the delaying relay, in ms, comma-separated
              --reps   measured repetitions of every size and RTT (after two discarded warm-up rounds)
              --out    where results.md, results.csv and the plots are written
            Needs the prosody Debian package; loopback only.""";
    private RosterBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {100, 1000, 10000};
        int[] rtts = {0, 20, 50};
        int reps = 3;
        Path out = Path.of("bench/results");
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        if (args.length % 2 != 0) {
            System.err.println("every option takes a value\n" + USAGE);
            System.exit(2);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = ints(args[i + 1]);
                case "--rtts" -> rtts = ints(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--sizes, --rtts, --reps, --out)");
            }
        }
        String loadBefore = Machine.loadAverage();
        Path work = Machine.tempDir();
        List<Sample> samples;
        try {
            samples = run(sizes, rtts, reps, work);
        } finally {
            Machine.delete(work);
        }
        Files.createDirectories(out);
        String table = Report.write(samples, out, Machine.describe(loadBefore));
        System.out.println(table);
    }

    /** Discarded rounds at RTT 0 before the measured ones, per warm-up size. */
    static final int WARM_UP_ROUNDS = 2;

    /**
     * The sizes of the discarded warm-up rounds: every size up to 1,000 (the JIT compiles what each size's paths
     * run; cusax's cold start kept its compiler threads busy for about its first ten runs at N = 1,000), or the
     * smallest size when all are larger (10,000 contacts take minutes a round).
     */
    static int[] warmUpSizes(int[] sizes) {
        int[] small = Arrays.stream(sizes).filter(n -> n <= 1000).toArray();
        return small.length > 0 ? small : new int[] {Arrays.stream(sizes).min().orElse(0)};
    }

    /** Runs every scenario after discarded warm-up rounds (JIT, TLS, Prosody caches). */
    public static List<Sample> run(int[] sizes, int[] rtts, int reps, Path work) throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (RosterWorld world = RosterWorld.start()) {
            int max = Arrays.stream(sizes).max().orElse(0);
            world.seedRoster(max);
            for (int n : sizes) {
                world.seedRoster(n);
            }
            for (int n : warmUpSizes(sizes)) {
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    runOne(world, n, 0, 0, work, new ArrayList<>());
                }
            }
            for (int rtt : rtts) {
                for (int n : sizes) {
                    for (int rep = 1; rep <= reps; rep++) {
                        runOne(world, n, rtt, rep, work, samples);
                    }
                }
            }
        }
        return samples;
    }

    private static void runOne(RosterWorld world, int n, int rtt, int rep, Path work, List<Sample> samples)
            throws Exception {
        try (TcpRelay relay = new TcpRelay(world.prosodyPort(), rtt)) {
            Account account = world.account("owner" + n, relay.port());
            Path cache = Files.createTempDirectory(work, "cache");
            Scenarios.Result floor = measured(world, account, "raw-pipelined", n, rtt, rep, samples,
                    () -> Scenarios.rawPipelined(account, n));
            Scenarios.Result floor2 = measured(world, account, "raw-pipelined-2", n, rtt, rep, samples,
                    () -> Scenarios.rawPipelinedBoth(account, n));
            Scenarios.Result online = measured(world, account, "raw-online", n, rtt, rep, samples,
                    () -> Scenarios.rawOnline(account, n));
            Scenarios.Result cold = measured(world, account, "cusax-cold", n, rtt, rep, samples,
                    () -> Scenarios.cusax(account, cache, n));
            Scenarios.Result warm = measured(world, account, "cusax-warm", n, rtt, rep, samples,
                    () -> Scenarios.cusax(account, cache, n));
            Path noSmCache = Files.createTempDirectory(work, "cache");
            measured(world, account, Report.COLD_WITHOUT_SM, n, rtt, rep, samples,
                    () -> Scenarios.cusaxWithoutStreamManagement(account, noSmCache, n));
            Scenarios.Result serial = measured(world, account, "serial", n, rtt, rep, samples,
                    () -> Scenarios.serial(account, n));
            measured(world, account, Report.LOGIN_SM, n, rtt, rep, samples,
                    () -> Scenarios.rawLoginWithStreamManagement(account));
            System.err.printf("N=%d RTT=%d ms rep %d: floor %.0f ms, floor with vCard4 requests %.0f ms, online floor %.0f ms, cold %.0f ms, warm %.0f ms, serial %.0f ms%s%n",
                    n, rtt, rep, floor.millis(), floor2.millis(), online.millis(), cold.millis(), warm.millis(), serial.millis(),
                    serial.extrapolated() ? " (extrapolated)" : "");
        }
    }

    /**
     * Lets what the scenario before left be done outside the next one's time and CPU: Prosody's handling of
     * the last client going offline ({@link Scenarios#quiesce}), and this JVM's garbage (a stopped client's
     * roster, parsed stanzas).
     */
    private static void settle(Account account) throws Exception {
        Scenarios.quiesce(account);
        System.gc();
    }

    /** One scenario of one repetition, after {@link #settle}; Prosody's CPU time over it goes in its sample. */
    private static Scenarios.Result measured(RosterWorld world, Account account, String scenario, int n, int rtt,
            int rep, List<Sample> samples, Callable<Scenarios.Result> run) throws Exception {
        settle(account);
        ServerCpu server = ServerCpu.start(world.prosodyPid());
        Scenarios.Result r = run.call();
        samples.add(new Sample(scenario, n, rtt, rep, r.millis(), r.firstNumberMillis(), r.requests(), r.known(),
                r.extrapolated(), r.cpuMillis(), r.rosterMillis(), r.jitMillis(), server.millis(), r.gateHolds(),
                r.windowHolds()));
        return r;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }
}
