package org.cusax.xmpp.connection;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners one session put on Smack's per-connection managers (Roster, PingManager, PepManager,
 * CarbonManager), taken off again when the session ends. Smack keeps each manager in a static map that holds the
 * connection weakly but the manager strongly; a listener of ours reaches the connection, so one left on a manager
 * would keep the connection, its roster and presences, and everything we built on them alive for the life of the
 * process (live state only: an ended session leaves memory).
 */
public final class ManagerListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerListeners.class);
    private final Deque<Runnable> removals = new ConcurrentLinkedDeque<>();

    /** Remembers how to take off a listener just put on a manager. */
    public void added(Runnable removal) {
        removals.push(removal);
    }

    /** Takes off every listener added so far, the last first. Idempotent. */
    public void removeAll() {
        Runnable removal;
        while ((removal = removals.poll()) != null) {
            try {
                removal.run();
            } catch (RuntimeException e) {
                LOG.debug("taking a listener off a Smack manager", e);
            }
        }
    }

    /** Listeners still on managers; for tests. */
    public int size() {
        return removals.size();
    }
}
