package org.cusax.xmpp.contacts;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Throttles bulk requests on stream-management acks (XEP-0198 §4): how many of our stanzas the server
 * has not acknowledged yet, counted from Smack's sending and acknowledged listeners, must stay under a
 * budget before another bulk request goes out. Smack 4.4.8 keeps unacknowledged stanzas in a queue of
 * 1,024; when it is full its writer blocks, and its reader then blocks too as soon as the writer queue
 * fills (it queues the {@code <a/>} the server asked for), so the server's ack that would free the
 * writer is never read. Everything we send counts, including Smack's own answers to the server's
 * requests (a PEP service asking every contact's disco#info of us at login), so our requests wait while
 * the server is behind instead of adding to the pile. Without stream management it is always open.
 */
final class AckBudget {
    private final XMPPTCPConnection connection;
    private final int budget;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final CopyOnWriteArrayList<Runnable> whenOpen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean waiting = new AtomicBoolean();

    /** @param budget most of our stanzas unacknowledged before bulk requests wait */
    AckBudget(XMPPTCPConnection connection, int budget) {
        this.connection = connection;
        this.budget = budget;
        connection.addStanzaSendingListener(s -> sent.incrementAndGet(), s -> true);
        connection.addStanzaAcknowledgedListener(s -> {
            acked.incrementAndGet();
            if (waiting.get() && open() && waiting.compareAndSet(true, false)) {
                whenOpen.forEach(Runnable::run);
            }
        });
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) { // a new stream: what the old one left unacknowledged is gone
                    acked.set(sent.get());
                }
            }
        });
    }

    /** Whether a bulk request may be sent now. */
    boolean open() {
        if (!connection.isSmEnabled() || unacknowledged() < budget) {
            return true;
        }
        waiting.set(true);
        // an ack may have come between the check and the flag: look again so that no wake-up is lost
        return unacknowledged() < budget && waiting.compareAndSet(true, false);
    }

    /** Our stanzas the server has not acknowledged (as far as the listeners have told us). */
    long unacknowledged() {
        return Math.max(0, sent.get() - acked.get());
    }

    /** Runs {@code r} (on a Smack thread) when an ack reopens the budget after {@link #open()} said no. */
    void whenOpen(Runnable r) {
        whenOpen.add(r);
    }
}
