package org.cusax.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.EventListener;
import org.cusax.core.service.Half;

/**
 * Tells when the contacts' presences have arrived after login. The server sends the presence of every
 * online contact right after our initial presence (RFC 6121 §4.4.2), as a burst; the details may be
 * complete (from the cache) before that. The list is settled once Chat is online, the contact details
 * are loaded, and no contact has changed for a quiet period, measured on the injected clock.
 */
final class PresenceSettling implements EventListener {
    private final Clock clock;
    private final Duration quiet;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean online;
    private boolean loaded;
    private Instant lastChange;

    PresenceSettling(Clock clock, Duration quiet) {
        this.clock = clock;
        this.quiet = quiet;
        this.lastChange = clock.instant();
    }

    @Override
    public void onEvent(CusaxEvent event) {
        lock.lock();
        try {
            if (event instanceof ConnectionChanged c && c.status().half() == Half.CHAT) {
                online = c.status().state() == ConnectionState.ONLINE;
            } else if (event instanceof ContactsLoaded) {
                loaded = true;
            } else if (!(event instanceof ContactUpdated)) {
                return;
            }
            lastChange = clock.instant();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the contact details loaded (they may have been before this listener was subscribed). */
    void loaded() {
        onEvent(new ContactsLoaded(clock.instant(), 0));
    }

    /**
     * Waits until settled or until {@code deadline} (on the clock); true if settled. Woken by every event,
     * and at least every {@code poll} to look at the clock again.
     */
    boolean await(Instant deadline, Duration poll) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Instant now = clock.instant();
                if (online && loaded && !now.isBefore(lastChange.plus(quiet))) {
                    return true;
                }
                if (!now.isBefore(deadline)) {
                    return false;
                }
                changed.await(poll.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
