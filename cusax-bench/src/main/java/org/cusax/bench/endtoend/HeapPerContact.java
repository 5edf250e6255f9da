package org.cusax.bench.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cusax.bench.e2e.RosterWorld;
import org.cusax.core.account.Account;

/**
 * Heap per contact: real Prosody with a user with {@code n} contacts (seeded as the roster benchmark seeds them)
 * and one with none; per repetition one {@link HeapProbe} JVM each (a fresh JVM, so nothing an earlier session
 * left behind counts), cold (empty cache dir). (live heap with n contacts − live heap with none) / n, once Smack's
 * reply timeouts have run out, and right after loading. Also what stays in the heap once the session is
 * stopped, and once the next session has started (Smack's manager maps drop a stopped session's managers only
 * then), compared the same way (a leak shows in the second).
 */
final class HeapPerContact {
    static final String BENCH = "heap";
    private static final Pattern RESULT =
            Pattern.compile("live (\\d+) settled (\\d+) numbers (\\d+) stopped (\\d+) next (\\d+)");

    private HeapPerContact() {
    }

    private record Probe(long live, long settled, long numbers, long stopped, long next) {
    }

    static List<Figure> run(int n, int reps, Path work) throws Exception {
        List<Figure> out = new ArrayList<>();
        Files.createDirectories(work);
        try (RosterWorld world = RosterWorld.start()) {
            String empty = world.seedRoster(0);
            String full = world.seedRoster(n);
            for (int rep = 1; rep <= reps; rep++) {
                Probe e = probe(world.account(empty, world.prosodyPort()), work);
                Probe f = probe(world.account(full, world.prosodyPort()), work);
                double perContact = (double) (f.settled() - e.settled()) / n;
                double justLoaded = (double) (f.live() - e.live()) / n;
                double leftMiB = (f.stopped() - e.stopped()) / 1048576.0;
                System.err.printf("heap rep %d: %d contacts (%d with numbers): %.0f B per contact settled, %.0f B right "
                        + "after loading; sessions %d / %d B (none / %d), after stop %d / %d B%n", rep, n, f.numbers(),
                        perContact, justLoaded, e.settled(), f.settled(), n, e.stopped(), f.stopped());
                out.add(new Figure(BENCH, "bytes per contact", rep, perContact, "B", f.numbers()));
                out.add(new Figure(BENCH, "bytes per contact right after loading", rep, justLoaded, "B",
                        f.numbers()));
                out.add(new Figure(BENCH, "session with " + n + " contacts", rep, f.settled() / 1048576.0, "MiB",
                        f.numbers()));
                out.add(new Figure(BENCH, "empty session", rep, e.settled() / 1048576.0, "MiB", 0));
                out.add(new Figure(BENCH, "left after stop, " + n + " contacts vs none", rep, leftMiB, "MiB",
                        f.numbers()));
                out.add(new Figure(BENCH, "left once the next session starts, " + n + " contacts vs none", rep,
                        (f.next() - e.next()) / 1048576.0, "MiB", f.numbers()));
            }
        }
        return out;
    }

    private static Probe probe(Account account, Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        Path log = Files.createTempFile(work, "probe", ".out");
        Process p = new ProcessBuilder(java, "-Xmx2g", "-cp", classPath, HeapProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write(account.authUser() + "\n" + account.password().reveal() + "\n" + account.domain() + "\n"
                    + account.server().port() + "\n" + account.security().trustStore().orElseThrow() + "\n"
                    + Files.createTempDirectory(work, "cache") + "\n");
        }
        try {
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                throw new IOException("heap probe did not finish within 20 minutes");
            }
            String output = Files.readString(log);
            Matcher m = RESULT.matcher(output);
            if (p.exitValue() != 0 || !m.find()) {
                throw new IOException("heap probe failed (exit " + p.exitValue() + "):\n"
                        + (output.length() > 3000 ? output.substring(output.length() - 3000) : output));
            }
            return new Probe(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
        } finally {
            p.destroyForcibly();
        }
    }
}
