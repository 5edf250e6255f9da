package org.cusax.xmpp.contacts;

import java.util.Comparator;
import java.util.List;

import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound on the contact list ({@code contacts.max-roster}) against a server that sends a huge roster: a
 * roster beyond it is cut to its first items by JID (the same ones at every load), and a push of a new item
 * while the list is full is ignored (a removal makes room). The core is told ({@code onContactsCapped}) after
 * each cut load and at the 1st, 2nd, 4th, 8th… ignored push since, so a flood of pushes costs a few warnings
 * and no memory. Used on {@link ContactSync}'s thread only.
 */
final class RosterCap {
    private static final Logger LOG = LoggerFactory.getLogger(RosterCap.class);

    private final int max;
    private final ContactCallbacks out;
    private int ignoredPushes;

    RosterCap(int max, ContactCallbacks out) {
        if (max < 1) {
            throw new IllegalArgumentException("contacts.max-roster must be at least 1");
        }
        this.max = max;
        this.out = out;
    }

    /** A whole roster (a load, or the cached one): {@code items} as kept; the count of ignored pushes restarts. */
    List<RosterItem> cut(List<RosterItem> items, String what) {
        ignoredPushes = 0;
        if (items.size() <= max) {
            return items;
        }
        List<RosterItem> kept = items.stream().sorted(Comparator.comparing(RosterItem::jid)).limit(max).toList();
        LOG.warn("the {} has {} items, more than contacts.max-roster = {}: the first {} by address are kept, {} ignored",
                what, items.size(), max, max, items.size() - max);
        out.onContactsCapped(max, items.size() - max, max);
        return kept;
    }

    /**
     * Smack's parser cut the server's roster result ({@code CappedRosterProvider}): {@code parsed} items reached
     * Smack, {@code skipped} did not. Reported as one cut of the whole roster; a load of more than {@code max}
     * items (the parser's limit is the largest of the process) is cut again by {@link #cut}.
     */
    void skippedByParser(int parsed, int skipped) {
        int kept = Math.min(parsed, max);
        int ignored = parsed + skipped - kept;
        LOG.warn("the roster has {} items, more than contacts.max-roster = {}: the first {} by address are kept, {} ignored",
                parsed + skipped, max, kept, ignored);
        out.onContactsCapped(kept, ignored, max);
    }

    /** A push of a new item that Smack's full roster dropped ({@link RosterPushCap}): counted and warned about. */
    void pushDropped(RosterItem item) {
        admitsPush(item, max);
    }

    /** Whether a push of an item not in the list is taken, the list holding {@code size} items. */
    boolean admitsPush(RosterItem item, int size) {
        if (size < max) {
            return true;
        }
        ignoredPushes++;
        LOG.debug("roster push of {} ignored: the contact list is full (contacts.max-roster = {})", item.jid(), max);
        if (Integer.bitCount(ignoredPushes) == 1) {
            LOG.warn("roster pushes ignored: the contact list is full (contacts.max-roster = {}), {} so far",
                    max, ignoredPushes);
            out.onContactsCapped(size, ignoredPushes, max);
        }
        return false;
    }
}
