package org.cusax.bench.endtoend;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cusax.bench.e2e.RosterWorld;
import org.cusax.core.account.Account;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.xmpp.SmackChatPort;

/**
 * Heap per contact: the real Chat half ({@link SmackChatPort}, stream management on, a contact cache dir as the
 * client has) feeding the core's {@link ContactBook}, logged in to real Prosody as a user with {@code n}
 * contacts (seeded as the roster benchmark seeds them) and, for comparison, as one with none. Heap in use after
 * full collections (MemoryMXBean) with the session still live; the difference divided by {@code n}.
 */
final class HeapPerContact {
    static final String BENCH = "heap";
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final XmppSettings SETTINGS = new XmppSettings("bench", false, Duration.ofSeconds(10),
            Duration.ofSeconds(60), true);

    private HeapPerContact() {
    }

    static List<Figure> run(int n, int reps, Path work) throws Exception {
        List<Figure> out = new ArrayList<>();
        Files.createDirectories(work);
        try (RosterWorld world = RosterWorld.start()) {
            String empty = world.seedRoster(0);
            String full = world.seedRoster(n);
            for (int rep = 1; rep <= reps; rep++) {
                Session e = session(world.account(empty, world.prosodyPort()), Files.createTempDirectory(work, "c"));
                Session f = session(world.account(full, world.prosodyPort()), Files.createTempDirectory(work, "c"));
                double perContact = (double) (f.retainedBytes - e.retainedBytes) / n;
                System.err.printf("heap rep %d: empty session %d B, %d contacts %d B (%d with numbers) -> %.0f B "
                        + "per contact%n", rep, e.retainedBytes, n, f.retainedBytes, f.withNumbers, perContact);
                out.add(new Figure(BENCH, "bytes per contact", rep, perContact, "B", f.withNumbers));
                out.add(new Figure(BENCH, "session with " + n + " contacts", rep, f.retainedBytes / 1048576.0, "MiB",
                        f.withNumbers));
                out.add(new Figure(BENCH, "empty session", rep, e.retainedBytes / 1048576.0, "MiB", 0));
            }
        }
        return out;
    }

    private record Session(long retainedBytes, long withNumbers) {
    }

    /** Logs in, waits for every contact, measures the heap with the session live, then stops it. */
    private static Session session(Account account, Path cacheDir) throws Exception {
        ContactBook book = new ContactBook(new AddressNormalizer("FR"));
        BookFiller filler = new BookFiller(book);
        SmackChatPort port = new SmackChatPort(account, SETTINGS,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.0),
                new ContactSettings("FR", TelPreference.defaults(), Optional.of(cacheDir),
                        ContactSettings.MAX_REQUESTS_IN_FLIGHT, false), Optional.empty());
        port.start(filler);
        try {
            filler.await(LOAD_TIMEOUT);
            long retained = retainedHeap();
            Reference.reachabilityFence(book);
            Reference.reachabilityFence(port);
            return new Session(retained, filler.withNumbers());
        } finally {
            port.stop();
        }
    }

    /** Heap in use after full collections, once two in a row agree within 1 % (or after eight). */
    static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < used / 100) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }
}
