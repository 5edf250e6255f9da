package org.cusax.xmpp.contacts;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One loading of the contact list's vCards: the roster's size, and which vCards of which contacts are
 * still awaited. A contact is done when all its vCards were answered (or given up). Progress is meant to
 * be reported about every 2 % (always at the end).
 */
final class LoadRound {
    private final int total;
    private final Map<String, EnumSet<TelKind>> waiting;
    private final int step;
    private int done;
    private int reported;

    LoadRound(int total, Map<String, EnumSet<TelKind>> waiting) {
        this.waiting = new LinkedHashMap<>();
        waiting.forEach((jid, kinds) -> this.waiting.put(jid, EnumSet.copyOf(kinds)));
        this.total = total;
        this.done = Math.max(0, total - this.waiting.size());
        this.reported = done;
        this.step = Math.max(1, total / 50);
    }

    /** Records an answer; true if it completed its contact. */
    boolean answered(String jid, TelKind kind) {
        EnumSet<TelKind> kinds = waiting.get(jid);
        if (kinds == null || !kinds.remove(kind)) {
            return false;
        }
        if (kinds.isEmpty()) {
            waiting.remove(jid);
            done++;
            return true;
        }
        return false;
    }

    /** What is still awaited, per contact (a copy). */
    Map<String, EnumSet<TelKind>> remaining() {
        Map<String, EnumSet<TelKind>> copy = new LinkedHashMap<>();
        waiting.forEach((jid, kinds) -> copy.put(jid, EnumSet.copyOf(kinds)));
        return copy;
    }

    boolean complete() {
        return waiting.isEmpty();
    }

    /** Whether progress is worth reporting now (and remembers that it was). */
    boolean progressDue() {
        if (done == total || done - reported >= step) {
            reported = done;
            return true;
        }
        return false;
    }

    int done() {
        return done;
    }

    int total() {
        return total;
    }
}
