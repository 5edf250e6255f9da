package org.cusax.xmpp.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cusax.core.port.ChatCallbacks;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches XEP-0198 acknowledgements and error replies to the chat messages we sent. Only ids handed
 * to {@link #expect} are reported, so acks for presence or IQs never reach the core. An id is reported
 * acknowledged once; an error reply is matched even after the ack (a remote error usually comes later).
 *
 * <p>It keeps the messages awaiting their ack. When Smack drops the stream's XEP-0198 state with them (a stream
 * error, a stream given up, a closed stream: Smack re-sends what was unacknowledged only after a resumption or a
 * resumption refused, never after that), they are set aside by {@link #streamDropped} and written again on the
 * next stream ({@link ChatTransmitter#resendDropped}): the core was told they await an ack, and must get one.
 * Before a clean logout the session waits a little for the acks still due ({@link #awaitAcknowledged}); what a
 * session ending for good leaves unconfirmed is taken with {@link #takeUnconfirmed}.
 */
public final class DeliveryTracker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

    private final ChatCallbacks callbacks;
    /** Messages written and not yet acknowledged, in the order written. */
    private final Map<String, Message> awaitingAck = new LinkedHashMap<>(); // guarded by this
    /** Messages whose stream was dropped before they were acknowledged, in the order written. */
    private final List<Message> dropped = new ArrayList<>(); // guarded by this
    private final RecentIds sent = new RecentIds(4096);
    /** Acks and refusals taken off the unconfirmed messages whose callback has not returned yet. */
    private int reporting; // guarded by this

    public DeliveryTracker(ChatCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** Called before a message is written; {@code ack} if the stream will acknowledge it. */
    void expect(Message message, boolean ack) {
        String id = message.getStanzaId();
        sent.add(id);
        if (ack) {
            synchronized (this) {
                awaitingAck.put(id, message);
            }
        }
    }

    /** The message was not written after all. */
    void forget(String id) {
        synchronized (this) {
            awaitingAck.remove(id);
        }
        sent.remove(id);
    }

    /**
     * Smack dropped the stream's XEP-0198 state: the messages still awaiting their ack will not be re-sent by
     * Smack, nor acknowledged on this stream.
     */
    public void streamDropped() {
        int n;
        synchronized (this) {
            dropped.addAll(awaitingAck.values());
            awaitingAck.clear();
            n = dropped.size();
            notifyAll(); // nothing more will be acknowledged on this stream
        }
        if (n > 0) {
            LOG.info("{} chat messages were not acknowledged before the stream was dropped; written again on the "
                    + "next one", n);
        }
    }

    /** The messages set aside by {@link #streamDropped}, oldest first; they are no longer kept here. */
    synchronized List<Message> takeDropped() {
        List<Message> taken = List.copyOf(dropped);
        dropped.clear();
        return taken;
    }

    /** Messages that could not be written again: kept for the next stream, before any dropped since. */
    synchronized void keepDropped(List<Message> messages) {
        dropped.addAll(0, messages);
    }

    /**
     * Waits until no message written on this stream awaits its ack and the core has been told of every ack, at
     * most {@code timeout}; ends early when the stream is dropped. True if every message written was acknowledged
     * (or refused).
     */
    synchronized boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!awaitingAck.isEmpty() || reporting > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return dropped.isEmpty(); // set aside by a dropped stream: not acknowledged
    }

    /** Every message neither acknowledged nor refused yet (set aside first, then awaiting), oldest first; taken. */
    synchronized List<Message> takeUnconfirmed() {
        List<Message> taken = new ArrayList<>(dropped);
        taken.addAll(awaitingAck.values());
        dropped.clear();
        awaitingAck.clear();
        notifyAll();
        return taken;
    }

    /**
     * Smack's stanza-acknowledged listener. Smack reports acks on another thread, so one read just before the
     * stream closed may come after {@link #streamDropped} set its message aside: it is acknowledged all the same.
     */
    public void acknowledged(Stanza stanza) {
        String id = stanza.getStanzaId();
        if (stanza instanceof Message && id != null && removeUnconfirmed(id)) {
            LOG.debug("message {} acknowledged by the server", id);
            try {
                callbacks.onAcknowledged(id);
            } catch (RuntimeException e) {
                LOG.warn("acknowledgement callback failed for {}", id, e);
            } finally {
                reported();
            }
        }
    }

    /** An incoming {@code <message type='error'/>}. */
    public void errorReply(Message error) {
        String id = error.getStanzaId();
        if (id == null || !sent.contains(id)) {
            LOG.debug("error reply for a message we did not send: {}", id);
            return;
        }
        boolean unconfirmed;
        synchronized (this) {
            boolean awaited = awaitingAck.remove(id) != null;
            boolean setAside = dropped.removeIf(m -> id.equals(m.getStanzaId())); // refused: not written again
            unconfirmed = awaited || setAside;
            if (unconfirmed) {
                reporting++;
            }
        }
        sent.remove(id);
        String reason = DeliveryErrors.describe(error.getError());
        LOG.info("message {} to {} failed: {}", id, error.getFrom(), reason);
        try {
            failed(id, reason);
        } finally {
            if (unconfirmed) {
                reported();
            }
        }
    }

    /** Takes the message off the unconfirmed ones; if it was there, it is being reported until {@link #reported}. */
    private synchronized boolean removeUnconfirmed(String id) {
        boolean removed = awaitingAck.remove(id) != null || dropped.removeIf(m -> id.equals(m.getStanzaId()));
        if (removed) {
            reporting++;
        }
        return removed;
    }

    /** The core has been told of an ack or a refusal: a wait for the acks may end. */
    private synchronized void reported() {
        reporting--;
        notifyAll();
    }

    void failed(String id, String reason) {
        try {
            callbacks.onDeliveryFailed(id, reason);
        } catch (RuntimeException e) {
            LOG.warn("delivery-failed callback failed for {}", id, e);
        }
    }
}
