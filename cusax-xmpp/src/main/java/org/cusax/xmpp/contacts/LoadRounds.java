package org.cusax.xmpp.contacts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.core.port.ContactCallbacks;
import org.cusax.xmpp.contacts.cache.ContactCache;

/**
 * The loadings of one contact list's vCards ({@link LoadRound}), on the contact thread: the round under way, with its
 * progress and its end reported to the core (the cache then written), and the round a lost connection interrupted,
 * which goes on if the stream is resumed (XEP-0198 §5) and is dropped when a new session loads the roster again.
 */
final class LoadRounds {
    private final ContactCallbacks out;
    private final ContactCache cache;
    private final ContactLoader loader;
    private final AtomicInteger fetched = new AtomicInteger();
    private LoadRound round;
    private LoadRound interrupted;

    LoadRounds(ContactCallbacks out, ContactCache cache, ContactLoader loader) {
        this.out = out;
        this.cache = cache;
        this.loader = loader;
    }

    /**
     * Starts a round over {@code total} contacts, requesting what {@code waiting} lists; with nothing to wait for,
     * the list is loaded at once.
     *
     * @param viaPep contacts whose vCard4 comes by PEP: awaited, not requested
     */
    void start(int total, Map<String, EnumSet<TelKind>> waiting, Set<String> viaPep) {
        if (waiting.isEmpty()) {
            round = null;
            out.onContactsLoaded(total);
            cache.save(); // only if something changed (e.g. a cache of other rules normalized again)
            return;
        }
        round = new LoadRound(total, waiting);
        out.onContactsLoading(round.done(), total);
        waiting.forEach((jid, kinds) -> {
            EnumSet<TelKind> asked = EnumSet.copyOf(kinds);
            if (viaPep.contains(jid)) {
                asked.remove(TelKind.VCARD4);
            }
            asked.forEach(kind -> loader.request(jid, kind));
        });
    }

    /** One vCard of a contact answered (or given up): progress, and the end of the round once all are. */
    void answered(String jid, TelKind kind) {
        LoadRound r = round;
        if (r == null || !r.answered(jid, kind)) {
            return;
        }
        fetched.incrementAndGet();
        if (r.progressDue() && !r.complete()) {
            out.onContactsLoading(r.done(), r.total());
        }
        if (r.complete()) {
            round = null;
            out.onContactsLoading(r.total(), r.total());
            out.onContactsLoaded(r.total());
            cache.save();
        }
    }

    /** The connection is gone: the round under way is kept aside for a resumption. */
    void interrupt() {
        if (round != null) {
            interrupted = round;
        }
        round = null;
    }

    /** The stream was resumed: the interrupted round goes on with what it still awaited. */
    void resume() {
        LoadRound lost = interrupted;
        interrupted = null;
        if (lost != null && round == null) {
            start(lost.total(), lost.remaining(), Set.of());
        }
    }

    /** A new session: the roster is loaded again and a new round follows, the interrupted one is void. */
    void dropInterrupted() {
        interrupted = null;
    }

    /** A round is under way (it writes the cache when it ends). */
    boolean underWay() {
        return round != null;
    }

    /** Contacts whose vCards were all answered in a round, since the start (any thread). */
    int fetched() {
        return fetched.get();
    }
}
