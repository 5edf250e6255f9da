package org.cusax.bench.endtoend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.xmpp.SmackChatPort;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.ping.PingManager;

/**
 * One heap measurement in a JVM of its own (so that nothing an earlier session left behind counts): the real Chat
 * half feeding a {@link ContactBook} until every contact is loaded, then the heap in use after full collections
 * with the session live — right after loading, and again once Smack's reply timeouts have run out ({@link #SETTLE})
 * — once it is stopped, and once the next session has started ({@link #nextSessionStarts}). Reads the account
 * from stdin (one value a line: user, password, domain, port, CA file, cache dir — the password never on a
 * command line); prints
 * {@code live BYTES settled BYTES numbers K stopped BYTES next BYTES}.
 */
public final class HeapProbe {
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    /** The client's defaults (cusax.conf.reference: xmpp.connect-timeout 20s, xmpp.reply-timeout 10s). */
    private static final XmppSettings SETTINGS = new XmppSettings("bench", false, Duration.ofSeconds(20),
            Duration.ofSeconds(10), true);
    /**
     * Smack keeps every IQ request's reply future, filter and the request itself until its reply timeout has run
     * out, answered or not: right after loading that is most of the heap the contacts seem to cost.
     */
    private static final Duration SETTLE = SETTINGS.replyTimeout().plusSeconds(2);

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String user = in.readLine();
        Secret password = Secret.of(in.readLine());
        String domain = in.readLine();
        int port = Integer.parseInt(in.readLine().strip());
        Path ca = Path.of(in.readLine());
        Path cacheDir = Path.of(in.readLine());
        Account account = new Account(Protocol.XMPP, user + "@" + domain, user, password, domain,
                new ServerEndpoint("127.0.0.1", port, Transport.TCP),
                new SecuritySettings(Optional.of(ca), Optional.empty(), "TLSv1.2", true), Features.chatDefaults());
        AddressNormalizer normalizer = new AddressNormalizer("FR"); // shared by book and cache, as CusaxAssembly does
        ContactBook book = new ContactBook(normalizer);
        BookFiller filler = new BookFiller(book);
        SmackChatPort chat = new SmackChatPort(account, SETTINGS,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.0),
                new ContactSettings("FR", TelPreference.defaults(), Optional.of(cacheDir),
                        ContactSettings.MAX_REQUESTS_IN_FLIGHT, false), Optional.empty(), normalizer);
        chat.start(filler);
        long live;
        long settled;
        long numbers;
        try {
            filler.await(LOAD_TIMEOUT);
            live = retainedHeap();
            // a measurement window, not a wait for an event: Smack frees its reply bookkeeping on a timer
            LockSupport.parkNanos(SETTLE.toNanos());
            settled = retainedHeap();
            numbers = filler.withNumbers();
            Reference.reachabilityFence(book);
        } finally {
            chat.stop();
        }
        chat = null;
        book = null;
        normalizer = null; // the client's, shared by book and cache: it goes with them
        filler = null;
        // Smack's timer keeps a request's connection until the request's reply timeout has run out
        LockSupport.parkNanos(SETTLE.toNanos());
        long stopped = retainedHeap();
        XMPPTCPConnection next = nextSessionStarts(domain);
        long nextStarted = retainedHeap();
        Reference.reachabilityFence(next);
        System.out.println("live " + live + " settled " + settled + " numbers " + numbers + " stopped " + stopped
                + " next " + nextStarted);
        System.exit(0);
    }

    /**
     * What the start of the next session does to Smack's per-connection managers, without a server: Smack keeps
     * them in static {@code WeakHashMap}s keyed by connection, and such a map drops the entry of a collected
     * connection (with its manager: the Roster holds every entry and presence) only when it is next used — when
     * the next session's connection gets its managers. Until then one stopped session's roster stays behind.
     */
    private static XMPPTCPConnection nextSessionStarts(String domain) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder().setXmppDomain(domain)
                .build());
        Roster.getInstanceFor(c);
        ServiceDiscoveryManager.getInstanceFor(c);
        ReconnectionManager.getInstanceFor(c);
        CarbonManager.getInstanceFor(c);
        PingManager.getInstanceFor(c);
        EntityCapsManager.getInstanceFor(c);
        return c;
    }

    /** Heap in use after full collections, once two in a row agree within 1 % (or after eight). */
    private static long retainedHeap() {
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
