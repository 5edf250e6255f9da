package org.cusax.xmpp.connection;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.packet.Ping;

/**
 * Keeps the stanzas the server has not acknowledged (XEP-0198 §4) under {@link #LIMIT}, for every stanza
 * sent on the connection, so that Smack 4.4.8's stream management cannot deadlock. A message weighs 2
 * (Smack follows each message with an ack request {@code <r/>}), any other stanza 1.
 *
 * <p>The hazard, from {@code XMPPTCPConnection}: the writer thread puts every stanza it writes into an
 * unacknowledged queue of 1,024 ({@code UNACKKNOWLEDGED_STANZAS_QUEUE_SIZE}) with a blocking {@code put},
 * in its loop and again when it flushes its queue at {@code disconnect()}; only the reader thread empties
 * that queue, when the server's {@code <a/>} arrives. The reader answers the server's {@code <r/>} by
 * putting an {@code <a/>} into the writer queue of 500 ({@code QUEUE_SIZE}), also blocking. Once 1,024
 * stanzas are unacknowledged the writer stops, its queue fills, the reader blocks on it and never reads
 * the {@code <a/>} that would free the writer.
 *
 * <p>Why it cannot happen here: every stanza passes Smack's interceptors on the sending thread before it
 * enters the writer queue; this gate counts it there ({@code admitted}) and counts each stanza the reader
 * acknowledged (Smack's acknowledged listener, called after the reader removed it from the queue, so
 * never early). Admission waits while {@code admitted - acknowledged >= LIMIT} (weights), hence the
 * unacknowledged queue plus the stanzas still in the writer queue never exceed {@code LIMIT} (+ a few,
 * see below): the writer never blocks on the unacknowledged queue, neither while running nor while
 * flushing at disconnect. The writer queue then holds at most the weight of its stanzas (each stanza and
 * the {@code <r/>} after a message), one {@code <r/>} per 5 other stanzas (Smack's
 * {@code forMessagesOrAfter5Stanzas}), the reader's {@code <a/>} and the final one of a disconnect: at
 * most 1.2 × 410 + 4 = 496, under 500, so the reader never blocks either. The waiting threads never include the two that free the gate: the
 * reader (it sends no stanza through {@code sendStanza}) and the thread of Smack's acknowledged listeners
 * ({@code asyncGo}, unbounded). A thread holding the connection's monitor ({@code login()}'s listeners,
 * {@code disconnect()}'s unavailable presence) is counted but never made to wait, so the closing of a
 * connection cannot wait on the server: those are a handful of stanzas, within the margin. Nor does a ping
 * (XEP-0199): it is how a silent stream is found out (the keepalive, the check of a resumed stream), and a dead
 * stream never sends the acknowledgements it would wait for; pings go out one at a time per purpose (three at
 * most at once), within the margin too. While a
 * broken stream may still be resumed, senders wait for the resumption (Smack would otherwise queue their
 * stanzas as unacknowledged for the restarted writer before the old ones are acknowledged). Stanzas sent
 * before stream management is requested never enter the unacknowledged queue and are not counted; those sent
 * after {@code <enable/>} was queued do, before the server's {@code <enabled/>} is in, and are counted from
 * there on a {@link RosterFirstConnection} (it sends requests in that round trip). A
 * resumed stream keeps the count (Smack re-sends what is left, acknowledged there). A new stream starts
 * from 0 and counts by stanza id, so the old stanzas Smack re-sends on it (bypassing interceptors, at
 * most LIMIT + MARGIN) free nothing when acknowledged: the count is low by at most that many for a while
 * (the unacknowledged queue then holds at most 2 × 410 < 1,024) and never drifts; a clean close drops the
 * queue and the count with it.
 */
public final class AckGate {
    /** Most stanzas unacknowledged before senders wait. */
    public static final int LIMIT = 400;
    /**
     * What may go beyond {@link #LIMIT} without waiting: the stanzas of threads holding the connection's monitor
     * (the login's listeners, the unavailable presence of a disconnect) and pings. Then 1.2 × (LIMIT + MARGIN) + 4
     * stay under Smack's writer queue of 500 (checked by a test).
     */
    public static final int MARGIN = 10;
    /** How often a waiting sender looks again whether the connection went away (a safety net, not a timer). */
    private static final long RECHECK_MILLIS = 500;

    private final XMPPTCPConnection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition acked = lock.newCondition();
    private final CopyOnWriteArrayList<Runnable> whenBelow = new CopyOnWriteArrayList<>();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private long outstanding; // guarded by lock
    private long peak; // guarded by lock
    private long waits; // guarded by lock
    private volatile boolean closed;
    /** {@code <enable/>} queued on this stream, {@code <enabled/>} not yet in: Smack keeps what is sent now. */
    private volatile boolean requested;
    /** Stanzas counted and not yet acknowledged, by id (several stanzas may share one, e.g. IQ answers). */
    private final Map<String, Integer> counted = new HashMap<>(); // guarded by lock

    @SuppressWarnings("deprecation") // the only Smack 4.4 interceptor that sees IQs too
    public AckGate(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.addStanzaInterceptor(this::admit, s -> true);
        if (connection instanceof RosterFirstConnection c) {
            c.whenStreamManagementRequested(this::streamManagementRequested);
        }
        connection.addStanzaAcknowledgedListener(this::acknowledged);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed() {
                requested = false;
                reset(); // a clean close dropped Smack's unacknowledged queue: nothing of it comes back
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                requested = false;
                wake();
            }

            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (resumed) {
                    wake();
                } else if (requested) {
                    requested = false; // counted since <enable/> (streamManagementRequested)
                } else {
                    reset(); // a new stream: its queue starts empty (Smack re-sends the old stanzas uncounted)
                }
            }
        });
    }

    /**
     * Whether fewer than {@code budget} stanzas are unacknowledged (always true without stream management).
     * When not, the hooks given to {@link #whenBelow} run at the next acknowledgement.
     */
    public boolean below(int budget) {
        if (!managed()) {
            return true;
        }
        wanted.set(true);
        lock.lock();
        try {
            return outstanding < budget;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code hook} (on a Smack thread) after each acknowledgement that follows a {@link #below} = false. */
    public void whenBelow(Runnable hook) {
        whenBelow.add(hook);
    }

    /** Weight of the stanzas counted and not yet acknowledged. */
    public long outstanding() {
        lock.lock();
        try {
            return outstanding;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the weight of the stanzas unacknowledged is at most {@code weight}, or {@code within} has passed;
     * returns whether it is.
     */
    public boolean awaitOutstandingAtMost(long weight, Duration within) throws InterruptedException {
        lock.lock();
        try {
            long left = within.toNanos();
            while (outstanding > weight) {
                if (left <= 0) {
                    return false;
                }
                left = acked.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The most stanzas ever unacknowledged at once on this connection. */
    public long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** How many stanzas had to wait for an acknowledgement before going out. */
    public long waits() {
        lock.lock();
        try {
            return waits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code <enable/>} has just been queued on a new stream: Smack keeps every stanza queued after it until
     * acknowledged, so the count starts here (from 0: the new stream's queue starts empty).
     */
    void streamManagementRequested() {
        requested = true;
        reset();
    }

    /** Stanzas sent now go into Smack's unacknowledged queue. */
    private boolean managed() {
        return requested || connection.isSmEnabled();
    }

    private void admit(Stanza stanza) {
        if (!managed()) {
            return; // not going into the unacknowledged queue
        }
        boolean mayWait = !Thread.holdsLock(connection) && !(stanza instanceof Ping);
        int weight = weight(stanza);
        lock.lock();
        try {
            if (mayWait && mustWait()) {
                waits++;
                while (mustWait()) {
                    acked.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
            count(stanza, weight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Smack's sendStanza sees the interrupt when queueing
            count(stanza, weight);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Over the limit on a live stream, or the stream broken but resumable: until it is resumed (or given
     * up) nothing is acknowledged, and Smack would queue a stanza for a writer that has restarted and
     * stores it as unacknowledged, uncounted. So senders wait for the resumption.
     */
    private boolean mustWait() {
        if (closed || !managed()) {
            return false;
        }
        if (connection.isDisconnectedButSmResumptionPossible()) {
            return true;
        }
        return outstanding >= LIMIT && connection.isConnected();
    }

    private void count(Stanza stanza, int weight) {
        if (!closed && managed() && !connection.isDisconnectedButSmResumptionPossible()) {
            counted.merge(key(stanza), 1, Integer::sum);
            outstanding += weight;
            peak = Math.max(peak, outstanding);
        }
    }

    /** The session is over: nobody waits any more (what is sent now fails as Smack's stream is closed). */
    public void close() {
        lock.lock();
        try {
            closed = true;
            acked.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A message costs its place and the {@code <r/>} Smack sends after it. */
    static int weight(Stanza stanza) {
        return stanza instanceof Message ? 2 : 1;
    }

    private void acknowledged(Stanza stanza) {
        lock.lock();
        try {
            String key = key(stanza);
            Integer n = counted.get(key);
            if (n == null) {
                return; // not counted on this stream (sent before SM or before a new stream): frees nothing
            }
            if (n > 1) {
                counted.put(key, n - 1);
            } else {
                counted.remove(key);
            }
            outstanding -= weight(stanza);
            acked.signalAll();
        } finally {
            lock.unlock();
        }
        if (wanted.compareAndSet(true, false)) {
            whenBelow.forEach(Runnable::run);
        }
    }

    /** The stanza's id survives Smack's message and presence interceptors, which rebuild the stanza. */
    private static String key(Stanza stanza) {
        String id = stanza.getStanzaId();
        return id == null ? "" : id;
    }

    private void reset() {
        lock.lock();
        try {
            outstanding = 0;
            counted.clear();
            acked.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            acked.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
