package org.cusax.xmpp.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.cusax.core.config.ContactSettings;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.cusax.xmpp.contacts.cache.ContactCache;
import org.cusax.xmpp.reach.PresenceReach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the core's contact list in step with the server, on one private thread (so callbacks come in
 * order and never on Smack's threads):
 * <ul>
 * <li>at start, the cached roster and tels are reported at once;</li>
 * <li>at each roster load (RFC 6121 §2.1.3, versioned per §2.6), the roster is reported and the vCards
 *     of contacts that are new, changed, not cached or older than {@link #MAX_AGE} are fetched in a
 *     bounded pipeline ({@link ContactLoader}), with progress, then "loaded";</li>
 * <li>a roster push (§2.1.6) reports the item and re-fetches a new or changed contact;</li>
 * <li>vCard4 (XEP-0292) and PEP reachability (XEP-0152 §4) notifications carry the new data: no request;</li>
 * <li>presence gives availability, reachability per resource (XEP-0152 §3) and the XEP-0153 photo hash.</li>
 * </ul>
 *
 * <p>At most {@code contacts.max-roster} contacts are kept ({@link RosterCap}); nothing is remembered about
 * an ignored item, nor about presence from a JID that is not a kept contact.
 *
 * <p>A vcard-temp edited on the server is noticed by the XEP-0153 photo hash in presence ({@link PhotoHashWatch},
 * which says what that misses).
 */
public final class ContactSync implements ContactLoader.Sink {
    /** Cached vCards older than this are fetched again at the next roster load. */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    /** Changes outside a loading round are written to disk this long after the first of them. */
    static final long FLUSH_DELAY_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ContactSync.class);

    private final ContactCallbacks out;
    private final ContactCache cache;
    private final ContactLoader loader;
    private final ContactThread thread;
    private final Clock clock;
    private final PresenceReach presenceReach = new PresenceReach();
    private final Map<String, RosterItem> roster = new LinkedHashMap<>();
    private final Map<String, Presence> presences = new HashMap<>();
    private final Map<String, List<RawTel>> pepReach = new HashMap<>();
    private final PepDelivery pep = new PepDelivery();
    private final AtomicInteger fromCache = new AtomicInteger();
    private final RosterCap cap;
    private final PhotoHashWatch photos;
    private final LoadRounds rounds;
    private ScheduledFuture<?> flush;

    /**
     * @param requestsInFlight most vCard requests outstanding at once
     * @param threadName       name of the private thread
     */
    public ContactSync(ContactCallbacks callbacks, ContactCache cache, TelQueries queries, int requestsInFlight,
                       Clock clock, String threadName) {
        this(callbacks, cache, queries, requestsInFlight, ContactSettings.DEFAULT_MAX_ROSTER, clock, threadName);
    }

    /** @param maxRoster most roster items kept ({@code contacts.max-roster}) */
    public ContactSync(ContactCallbacks callbacks, ContactCache cache, TelQueries queries, int requestsInFlight,
                       int maxRoster, Clock clock, String threadName) {
        this.out = new SafeContactCallbacks(callbacks);
        this.cap = new RosterCap(maxRoster, out);
        this.cache = cache;
        this.clock = clock;
        this.thread = new ContactThread(threadName);
        this.loader = new ContactLoader(queries, requestsInFlight, this::submit, this);
        this.photos = new PhotoHashWatch(cache, loader);
        this.rounds = new LoadRounds(out, cache, loader);
    }

    // ------------------------------------------------------------------ events (any thread)

    /** Reports the cached roster and the cached tels of its contacts (the list shows before login). */
    public void showCached(List<RosterItem> all) {
        showCached(() -> all);
    }

    /**
     * As {@link #showCached(List)}, the cached roster being read on the contact thread (with the cache, before
     * anything else runs there): whoever starts the session goes on meanwhile, e.g. connecting.
     */
    public void showCached(Supplier<List<RosterItem>> read) {
        submit(() -> {
            List<RosterItem> cachedRoster = cap.cut(read.get(), "cached roster");
            cachedRoster.forEach(i -> roster.put(i.jid(), i));
            if (cachedRoster.isEmpty()) {
                return;
            }
            out.onRoster(List.copyOf(cachedRoster));
            CacheReplay.show(cachedRoster, cache, out);
            LOG.debug("showed {} cached contacts", cachedRoster.size());
        });
    }

    /** Runs {@code use} on the contact thread: a roster cut outside the list (parser, Smack's pushes) warns. */
    void withCap(Consumer<RosterCap> use) {
        submit(() -> use.accept(cap));
    }

    /** The server's roster was (re)loaded: report it and fetch what is missing, new or changed. */
    public void rosterLoaded(List<RosterItem> all) {
        submit(() -> {
            List<RosterItem> items = cap.cut(all, "roster");
            Map<String, RosterItem> previous = new LinkedHashMap<>(roster);
            roster.clear();
            items.forEach(i -> roster.put(i.jid(), i));
            out.onRoster(List.copyOf(items));
            previous.keySet().stream().filter(jid -> !roster.containsKey(jid)).forEach(this::forget);
            Map<String, EnumSet<TelKind>> waiting = new LinkedHashMap<>();
            Instant now = clock.instant();
            for (RosterItem item : roster.values()) {
                EnumSet<TelKind> kinds = needed(item, previous.get(item.jid()), now);
                if (!kinds.isEmpty()) {
                    waiting.put(item.jid(), kinds);
                }
            }
            fromCache.addAndGet(roster.size() - waiting.size());
            LOG.info("contact list: {} contacts, {} to fetch, {} from the cache", roster.size(), waiting.size(),
                    roster.size() - waiting.size());
            rounds.start(roster.size(), waiting, pep.choose(waiting, roster));
        });
    }

    /**
     * This new session sends an initial presence after the roster load: the vCard4 of the contacts our
     * server {@code ownDomain} serves comes by PEP ({@link PepDelivery}), not by request. Call before the roster load.
     */
    public void expectPresenceBurst(String ownDomain) {
        submit(() -> pep.expect(ownDomain));
    }

    /**
     * The presence burst is over. {@code complete}: our server answered the ping we sent after it (and after
     * any caps query it sent us), so every PEP vCard4 it had for us has arrived and the contacts that sent
     * none have none; otherwise their vCard4 is requested.
     */
    public void presenceBurstDone(boolean complete) {
        submit(() -> {
            for (String jid : pep.end()) {
                if (!complete) {
                    loader.request(jid, TelKind.VCARD4);
                } else if (roster.containsKey(jid)) {
                    loaded(jid, TelKind.VCARD4, TelResult.EMPTY); // XEP-0163: no last item, no vCard4
                } else {
                    rounds.answered(jid, TelKind.VCARD4);
                }
            }
        });
    }

    /** Roster pushes: items added or changed. */
    public void rosterPushed(List<RosterItem> items) {
        submit(() -> {
            for (RosterItem item : items) {
                if (!roster.containsKey(item.jid()) && !cap.admitsPush(item, roster.size())) {
                    continue;
                }
                RosterItem before = roster.put(item.jid(), item);
                out.onRosterItem(item);
                if (!item.equals(before)) {
                    fetch(item.jid(), EnumSet.allOf(TelKind.class));
                }
            }
        });
    }

    /** Roster pushes: items removed. */
    public void rosterRemoved(List<String> jids) {
        submit(() -> jids.forEach(jid -> {
            if (roster.remove(jid) != null) {
                out.onRosterItemRemoved(jid);
            }
            forget(jid);
        }));
    }

    /**
     * A presence of a roster contact.
     *
     * @param aggregated the contact's presence over all its resources after this one
     * @param resource   the resource that sent it ("" for the bare JID)
     * @param available  whether this presence is available
     * @param reach      the callable reachability addresses it carried
     * @param photo      the XEP-0153 photo hash it advertised, if any
     */
    public void presence(String bare, Presence aggregated, String resource, boolean available, List<RawTel> reach,
                         Optional<String> photo) {
        submit(() -> {
            if (!roster.containsKey(bare)) {
                return; // not a (kept) contact: nothing is remembered about it
            }
            if (!aggregated.equals(presences.put(bare, aggregated))) {
                out.onPresence(bare, aggregated);
            }
            presenceReach.update(bare, resource, available, reach)
                    .ifPresent(tels -> out.onTels(bare, TelSource.REACH_PRESENCE, tels));
            if (available && photo.isPresent()) {
                photos.advertised(bare, photo.get());
            }
        });
    }

    /** A vCard4 PEP notification (it carries the whole vCard: nothing to fetch). */
    public void vcard4Published(String bare, List<RawTel> tels) {
        submit(() -> {
            if (!roster.containsKey(bare)) {
                return;
            }
            Optional<List<RawTel>> before = cache.tels(bare, TelKind.VCARD4);
            cache.put(bare, TelKind.VCARD4, tels, clock.instant());
            if (!before.equals(Optional.of(tels))) {
                out.onTels(bare, TelSource.VCARD4, tels);
            }
            flushSoon();
            if (pep.arrived(bare)) {
                rounds.answered(bare, TelKind.VCARD4);
            }
        });
    }

    /** A reachability PEP notification. */
    public void reachPublished(String bare, List<RawTel> tels) {
        submit(() -> {
            if (roster.containsKey(bare) && !tels.equals(pepReach.put(bare, List.copyOf(tels)))) {
                out.onTels(bare, TelSource.REACH_PEP, tels);
            }
        });
    }

    /** Fetches one contact's vCards again, whatever the cache says. */
    public void refresh(String jid) {
        submit(() -> {
            if (roster.containsKey(jid)) {
                fetch(jid, EnumSet.allOf(TelKind.class));
            }
        });
    }

    /** Fetches every contact's vCards again, as a loading round (progress, then "loaded"). */
    public void refreshAll() {
        submit(() -> {
            Map<String, EnumSet<TelKind>> waiting = new LinkedHashMap<>();
            roster.keySet().forEach(jid -> waiting.put(jid, EnumSet.allOf(TelKind.class)));
            rounds.start(roster.size(), waiting, Set.of());
        });
    }

    /** The connection is gone: pending requests are dropped. Presences are kept: if the stream is resumed
     *  (XEP-0198) the server replays what we missed and re-sends nothing else. */
    public void connectionLost() {
        submit(() -> {
            loader.cancelAll();
            pep.clear();
            rounds.interrupt();
            photos.clear();
            cache.save();
        });
    }

    /**
     * The stream was resumed (XEP-0198 §5): the roster is not loaded again, so the loading round the
     * connection loss interrupted goes on with what it still awaited (the requests in flight were dropped).
     */
    public void sessionResumed() {
        submit(rounds::resume);
    }

    /**
     * A new session (not a resumed one): every presence we knew is void, and the server will send
     * the current ones after our initial presence. Contacts are reported unavailable until then, and
     * presence-borne addresses are cleared.
     */
    public void sessionStarted() {
        submit(() -> {
            rounds.dropInterrupted();
            for (Map.Entry<String, Presence> e : presences.entrySet()) {
                if (!e.getValue().equals(Presence.unavailable())) {
                    e.setValue(Presence.unavailable());
                    out.onPresence(e.getKey(), Presence.unavailable());
                }
            }
            presenceReach.clearAll().forEach(jid -> out.onTels(jid, TelSource.REACH_PRESENCE, List.of()));
        });
    }

    /**
     * Where the contact list's other files are written (the roster, {@code FileRosterStore}): on this thread, in
     * order with everything else; refused once the thread has stopped.
     */
    public Executor fileWriter() {
        return thread::executeOrRefuse;
    }

    /** Writes the cache and stops the thread (bounded). */
    public void close() {
        submit(cache::save);
        thread.close();
    }

    public LoadStats stats() {
        return new LoadStats(loader.vcardTempRequests(), loader.vcard4Requests(), loader.maxInFlight(),
                fromCache.get(), rounds.fetched(), loader.retries(), loader.gateHolds(), loader.windowHolds());
    }

    /** Waits until everything submitted so far has run (for tests). */
    public void awaitIdle() throws InterruptedException {
        thread.awaitIdle();
    }

    // ------------------------------------------------------------------ loader answers (our thread)

    @Override
    public void loaded(String jid, TelKind kind, TelResult result) {
        if (roster.containsKey(jid)) {
            Optional<List<RawTel>> before = cache.tels(jid, kind);
            cache.put(jid, kind, result.tels(), clock.instant());
            if (kind == TelKind.VCARD_TEMP) {
                photos.fetched(jid, result.photoHash());
                result.photoHash().ifPresent(hash -> out.onAvatar(jid, hash)); // XEP-0153: the picture's hash
            }
            if (!before.equals(Optional.of(result.tels()))) {
                out.onTels(jid, kind.source(), result.tels());
            }
            flushSoon();
        }
        rounds.answered(jid, kind);
    }

    @Override
    public void failed(String jid, TelKind kind, Throwable cause) {
        LOG.debug("no {} for {}: {}", kind.source().token(), jid, cause.toString());
        if (kind == TelKind.VCARD_TEMP) {
            photos.forget(jid);
        }
        rounds.answered(jid, kind);
    }

    /**
     * Lost with the connection, possibly before {@link #connectionLost} reached this thread (a request sent while
     * the connection closes fails at once, ahead of the listener that reports the loss): the contact stays awaited,
     * so that the round the loss interrupts asks for it again when the stream is resumed, and a new session's
     * roster load finds it missing from the cache. Counted as an answer, it was counted twice after a new session
     * and never asked for again after a resumed one.
     */
    @Override
    public void dropped(String jid, TelKind kind, Throwable cause) {
        LOG.debug("{} request for {} lost with the connection: {}", kind.source().token(), jid, cause.toString());
        if (kind == TelKind.VCARD_TEMP) {
            photos.forget(jid);
        }
    }

    // ------------------------------------------------------------------ internals (our thread)

    private EnumSet<TelKind> needed(RosterItem item, RosterItem before, Instant now) {
        return item.equals(before) ? cache.notFetchedSince(item.jid(), now.minus(MAX_AGE))
                : EnumSet.allOf(TelKind.class);
    }

    private void fetch(String jid, EnumSet<TelKind> kinds) {
        kinds.forEach(kind -> loader.request(jid, kind));
    }

    private void forget(String jid) {
        cache.remove(jid);
        presences.remove(jid);
        pepReach.remove(jid);
        presenceReach.clear(jid);
        photos.forget(jid);
        flushSoon();
    }

    private void flushSoon() {
        if (rounds.underWay() || (flush != null && !flush.isDone())) {
            return; // a round saves when it ends; a flush is already scheduled
        }
        flush = thread.later(cache::save, FLUSH_DELAY_MS);
    }

    private void submit(Runnable task) {
        thread.submit(task);
    }
}
