package org.cusax.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.cusax.core.account.Account;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.xmpp.SmackChatPort;
import org.cusax.xmpp.connection.ConnectionConfigFactory;
import org.cusax.xmpp.connection.OrderedPing;
import org.cusax.xmpp.connection.RosterFirstConnection;
import org.cusax.xmpp.contacts.CapsPrimer;
import org.cusax.xmpp.contacts.ContactWiring;
import org.cusax.xmpp.contacts.LoadStats;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.cusax.xmpp.vcard4.VCard4Manager;
import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;

/**
 * The four ways of getting from nothing to every contact's numbers, each timed from the start of the
 * connection (JVM start excluded) with its exact request count.
 */
final class Scenarios {
    /** Serial runs longer than this many contacts are timed on this many and extrapolated linearly. */
    static final int SERIAL_SAMPLE = 200;
    /** Generous: N = 10,000 cold took 277 s on 2 cores at load 18 (Prosody's one thread is the limit). */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final XmppSettings SETTINGS = new XmppSettings("bench", false, Duration.ofSeconds(10),
            Duration.ofSeconds(60), true);

    /**
     * One measurement. {@code known}: contacts whose vcard-temp number is in the client's index afterwards;
     * {@code cpuMillis}: the client's CPU time ({@link ClientCpu}) until then; {@code rosterMillis}: connection
     * start → roster received (login + roster; cusax: the roster handed to the core, the cached one when warm);
     * {@code jitMillis}: what the JIT compiler threads spent meanwhile (not in {@code cpuMillis});
     * {@code gateHolds}, {@code windowHolds}: cusax only (-1 for the others), how often its queued vCard requests
     * waited for the server's XEP-0198 acknowledgements and for the request window ({@link LoadStats}).
     */
    record Result(double millis, double firstNumberMillis, long requests, int known, boolean extrapolated,
                  double cpuMillis, double rosterMillis, double jitMillis, long gateHolds, long windowHolds) {
        Result(double millis, double firstNumberMillis, long requests, int known, boolean extrapolated,
               double cpuMillis, double rosterMillis, double jitMillis) {
            this(millis, firstNumberMillis, requests, known, extrapolated, cpuMillis, rosterMillis, jitMillis, -1, -1);
        }
    }

    private Scenarios() {
    }

    /** The cusax Chat half with the core's contact book: cold (empty cache dir) or warm (same dir again). */
    static Result cusax(Account account, Path cacheDir, int n) throws Exception {
        return cusax(account, cacheDir, n, SETTINGS);
    }

    /**
     * cusax cold as it would run without stream management (XEP-0198 off: no {@code <enable/>} at login, no ack
     * gate, and Prosody's mod_smacks neither copies every stanza it sends us for a resumption nor asks us for acks):
     * against {@link #cusax} in the same repetition, what stream management costs the cold start.
     * cusax itself always logs in with it.
     */
    static Result cusaxWithoutStreamManagement(Account account, Path cacheDir, int n) throws Exception {
        return cusax(account, cacheDir, n, new XmppSettings(SETTINGS.resource(), SETTINGS.allowPlainSasl(),
                SETTINGS.connectTimeout(), SETTINGS.replyTimeout(), false));
    }

    private static Result cusax(Account account, Path cacheDir, int n, XmppSettings settings) throws Exception {
        AddressNormalizer normalizer = new AddressNormalizer("FR"); // shared by book and cache, as CusaxAssembly does
        ContactBook book = new ContactBook(normalizer);
        ClientCpu cpu = ClientCpu.start();
        long start = System.nanoTime();
        LoadWatch watch = new LoadWatch(book, start);
        SmackChatPort port = new SmackChatPort(account, settings,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.0),
                new ContactSettings("FR", TelPreference.defaults(), Optional.of(cacheDir),
                        ContactSettings.MAX_REQUESTS_IN_FLIGHT, false), Optional.empty(), normalizer);
        port.start(watch);
        try {
            watch.await(LOAD_TIMEOUT);
            LoadStats stats = port.contactStats();
            double cpuMillis = cpu.millis();
            return new Result(watch.loadedMillis(), watch.firstNumberMillis(), stats.vcardRequests(), known(book, n),
                    false, cpuMillis, watch.rosterMillis(), cpu.jitMillis(), stats.gateHolds(), stats.windowHolds());
        } finally {
            port.stop();
        }
    }

    /**
     * Raw Smack doing the requests cusax sends (one vcard-temp per contact; cusax gets vCard4 by PEP after
     * its presence, which the floor does not even wait for), all sent at once: the floor. Stream management
     * off: raw Smack 4.4.8 with it on can deadlock on thousands of pipelined stanzas (GUIDE §4).
     */
    static Result rawPipelined(Account account, int n) throws Exception {
        return raw(account, Floor.OFFLINE);
    }

    /**
     * The floor as issue 13 words it: raw Smack pipelining the same information cusax gets, by request, with no
     * presence: a vcard-temp <em>and</em> a vCard4 request (XEP-0292 §3, a PEP items request) per contact, all at
     * once. cusax gets the vCard4 half by going online (PEP, XEP-0163 §6.1.1) rather than by 1,000 requests.
     */
    static Result rawPipelinedBoth(Account account, int n) throws Exception {
        return raw(account, Floor.ISSUE);
    }

    /**
     * Raw Smack putting on the wire what cusax does to get every number, and nothing of cusax's own work: the
     * vcard-temp requests all at once, then an initial presence whose capabilities (XEP-0115, answered by Smack's
     * own disco) ask for vCard4 and reachability notifications (XEP-0163 §4: +notify), then a ping. Prosody probes
     * and notifies every contact and sends their last PEP items (§6.1.1) before it answers the ping (it handles one
     * session's stanzas in order), as for cusax. Done when every vcard-temp and the ping are answered: the floor of
     * the client itself, the server's work being the same.
     */
    static Result rawOnline(Account account, int n) throws Exception {
        primeCaps(account);
        return raw(account, Floor.ONLINE);
    }

    /** The three raw floors: what each sends besides one vcard-temp request per contact, all at once. */
    private enum Floor { OFFLINE, ISSUE, ONLINE }

    private static Result raw(Account account, Floor floor) throws Exception {
        ClientCpu cpu = ClientCpu.start();
        long start = System.nanoTime();
        XMPPTCPConnection c = loggedIn(account, true);
        try {
            if (floor == Floor.ONLINE) {
                askForNotifications(c);
            }
            List<RosterEntry> entries = roster(c);
            double rosterMillis = (System.nanoTime() - start) / 1e6;
            List<CompletableFuture<IQ>> answers = new ArrayList<>(entries.size());
            List<CompletableFuture<IQ>> vcard4Answers = new ArrayList<>(floor == Floor.ISSUE ? entries.size() : 0);
            AtomicLong firstAnswer = new AtomicLong(-1); // when the first vcard-temp answer arrived
            for (RosterEntry e : entries) {
                CompletableFuture<IQ> answer = settled(c.sendIqRequestAsync(VCardTempIq.request(e.getJid())));
                answer.thenRun(() -> firstAnswer.compareAndSet(-1, System.nanoTime()));
                answers.add(answer);
                if (floor == Floor.ISSUE) {
                    vcard4Answers.add(settled(c.sendIqRequestAsync(VCard4Manager.request(e.getJid()))));
                }
            }
            if (floor == Floor.ONLINE) {
                c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
                if (!OrderedPing.pingServer(c)) {
                    throw new IllegalStateException("no answer to the ping after the presence");
                }
            }
            int known = known(answers);
            for (CompletableFuture<IQ> a : vcard4Answers) {
                a.get(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS); // an answer or an error: settled either way
            }
            double millis = (System.nanoTime() - start) / 1e6;
            double firstMillis = firstAnswer.get() < 0 ? -1 : (firstAnswer.get() - start) / 1e6;
            return new Result(millis, firstMillis, answers.size() + vcard4Answers.size(), known, false, cpu.millis(),
                    rosterMillis, cpu.jitMillis());
        } finally {
            c.disconnect();
        }
    }

    /**
     * Raw Smack logging in with stream management, as cusax does, then getting the roster: stock Smack waits for
     * XEP-0198 {@code <enabled/>} inside the login before the roster request, one round trip more than the floors
     * (without stream management) and than cusax (its roster request goes with {@code <enable/>}). No vCard
     * request, so none of Smack's stream management hazards.
     */
    static Result rawLoginWithStreamManagement(Account account) throws Exception {
        ClientCpu cpu = ClientCpu.start();
        long start = System.nanoTime();
        XMPPTCPConnection c = loggedIn(account, true, true);
        try {
            if (!c.isSmEnabled()) {
                throw new IllegalStateException("the server did not enable stream management");
            }
            roster(c);
            double millis = (System.nanoTime() - start) / 1e6;
            return new Result(millis, -1, 0, 0, false, cpu.millis(), millis, cpu.jitMillis());
        } finally {
            c.disconnect();
        }
    }

    /**
     * Untimed: lets Prosody learn the raw client's capabilities hash, as it knows cusax's from the runs before.
     * Stock Smack's feature set grows with the managers the JVM has loaded, so its hash is new at first; Prosody
     * would then ask every contact's PEP service for it (one disco#info per contact): work cusax does not cause
     * once its own hash is known. A presence to our own bare JID makes Prosody ask once (see {@code CapsPrimer}).
     */
    private static void primeCaps(Account account) throws Exception {
        XMPPTCPConnection c = loggedIn(account, true);
        try {
            askForNotifications(c);
            CapsPrimer primer = new CapsPrimer(c);
            primer.send();
            primer.awaitAnswered(); // no query when Prosody knows the hash already
            OrderedPing.pingServer(c); // Prosody took our presence to its contacts before answering
        } finally {
            c.disconnect();
        }
    }

    /**
     * Untimed, between scenarios: returns once Prosody has handled what the scenario before left it (the
     * unavailable presence of a client that went offline goes to every contact), so that no scenario pays for
     * another's. Prosody handles events in the order they arrive, and this connection's ping comes after that
     * close; it sends no presence, so it leaves nothing behind itself.
     */
    static void quiesce(Account account) throws Exception {
        XMPPTCPConnection c = loggedIn(account, true);
        try {
            OrderedPing.pingServer(c);
        } finally {
            c.disconnect();
        }
    }

    private static void askForNotifications(XMPPTCPConnection c) {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(c);
        disco.addFeature(VCard4Element.NODE + "+notify");
        disco.addFeature(ReachElement.NODE + "+notify");
    }

    private static int known(List<CompletableFuture<IQ>> answers) throws Exception {
        int known = 0;
        for (CompletableFuture<IQ> a : answers) {
            if (a.get(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) instanceof VCardTempIq v && !v.tels().isEmpty()) {
                known++;
            }
        }
        return known;
    }

    /** One blocking vcard-temp request per contact, as Smack's VCardManager.loadVCard does (no cache). */
    static Result serial(Account account, int n) throws Exception {
        ClientCpu cpu = ClientCpu.start();
        long start = System.nanoTime();
        XMPPTCPConnection c = loggedIn(account, false);
        try {
            List<RosterEntry> entries = roster(c);
            long afterRoster = System.nanoTime();
            int sample = Math.min(entries.size(), SERIAL_SAMPLE);
            int known = 0;
            for (int i = 0; i < sample; i++) {
                try {
                    IQ answer = c.sendIqRequestAndWaitForResponse(VCardTempIq.request(entries.get(i).getJid()));
                    if (answer instanceof VCardTempIq v && !v.tels().isEmpty()) {
                        known++;
                    }
                } catch (XMPPException.XMPPErrorException e) {
                    // no vCard: an answer all the same
                }
            }
            double loginAndRoster = (afterRoster - start) / 1e6;
            double perContact = sample == 0 ? 0 : (System.nanoTime() - afterRoster) / 1e6 / sample;
            return new Result(loginAndRoster + perContact * entries.size(), -1, sample, known,
                    sample < entries.size(), cpu.millis(), loginAndRoster, cpu.jitMillis());
        } finally {
            c.disconnect();
        }
    }

    private static CompletableFuture<IQ> settled(org.jivesoftware.smack.SmackFuture<IQ, Exception> f) {
        CompletableFuture<IQ> out = new CompletableFuture<>();
        f.onSuccess(out::complete).onError(e -> out.complete(null));
        return out;
    }

    /**
     * @param rosterFirst without Smack's login-time upload-service discovery, as cusax logs in (the floor must
     *                    not pay round trips cusax does not); the serial baseline is stock Smack
     */
    private static XMPPTCPConnection loggedIn(Account account, boolean rosterFirst) throws Exception {
        return loggedIn(account, rosterFirst, false);
    }

    /** @param streamManagement XEP-0198 with resumption, as cusax logs in (the floors: off, see above) */
    private static XMPPTCPConnection loggedIn(Account account, boolean rosterFirst, boolean streamManagement)
            throws Exception {
        ContactWiring.registerProviders();
        var config = ConnectionConfigFactory.build(account, SETTINGS,
                TlsContexts.forAccount(account.security(), new TlsSessionObserver()));
        XMPPTCPConnection c = rosterFirst ? new RosterFirstConnection(config) : new XMPPTCPConnection(config);
        c.setUseStreamManagement(streamManagement);
        c.setUseStreamManagementResumption(streamManagement);
        c.setReplyTimeout(SETTINGS.replyTimeout().toMillis());
        Roster.getInstanceFor(c).setRosterLoadedAtLogin(false);
        c.connect().login();
        return c;
    }

    private static List<RosterEntry> roster(XMPPTCPConnection c) throws Exception {
        Roster r = Roster.getInstanceFor(c);
        r.reloadAndWait();
        return new ArrayList<>(r.getEntries());
    }

    private static int known(ContactBook book, int n) {
        int known = 0;
        for (int i = 1; i <= n; i++) {
            if (book.owners(RosterWorld.number(i)).contains(RosterWorld.contact(i) + "@" + RosterWorld.DOMAIN)) {
                known++;
            }
        }
        return known;
    }
}
