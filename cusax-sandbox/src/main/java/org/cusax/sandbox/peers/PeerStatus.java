package org.cusax.sandbox.peers;

import java.time.Duration;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;

/** The registration state of one demo peer, which {@link #awaitOnline} waits on. */
final class PeerStatus {
    private ConnectionStatus last;

    synchronized void update(ConnectionStatus status) {
        last = status;
        notifyAll();
    }

    synchronized ConnectionStatus last() {
        return last;
    }

    /** Waits until registered; fails at once if the registration failed for good. */
    synchronized void awaitOnline(String who, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (last == null || last.state() != ConnectionState.ONLINE) {
            if (last != null && last.state() == ConnectionState.FAILED) {
                throw new IllegalStateException(who + " could not register: " + last.reason().map(Object::toString)
                        .orElse("failed"));
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(who + " did not register within " + limit + " (last: " + last + ")");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
