package org.cusax.xmpp.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class DeliveryTracker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

    private final ChatCallbacks callbacks;
    /** Messages written and not yet acknowledged, in the order written. */
    private final Map<String, Message> awaitingAck = new LinkedHashMap<>(); // guarded by this
    /** Messages whose stream was dropped before they were acknowledged, in the order written. */
    private final List<Message> dropped = new ArrayList<>(); // guarded by this
    private final RecentIds sent = new RecentIds(4096);

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

    /** Smack's stanza-acknowledged listener. */
    public void acknowledged(Stanza stanza) {
        String id = stanza.getStanzaId();
        if (stanza instanceof Message && id != null && removeAwaiting(id)) {
            LOG.debug("message {} acknowledged by the server", id);
            try {
                callbacks.onAcknowledged(id);
            } catch (RuntimeException e) {
                LOG.warn("acknowledgement callback failed for {}", id, e);
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
        synchronized (this) {
            awaitingAck.remove(id);
            dropped.removeIf(m -> id.equals(m.getStanzaId())); // refused: not to be written again
        }
        sent.remove(id);
        String reason = DeliveryErrors.describe(error.getError());
        LOG.info("message {} to {} failed: {}", id, error.getFrom(), reason);
        failed(id, reason);
    }

    private synchronized boolean removeAwaiting(String id) {
        return awaitingAck.remove(id) != null;
    }

    void failed(String id, String reason) {
        try {
            callbacks.onDeliveryFailed(id, reason);
        } catch (RuntimeException e) {
            LOG.warn("delivery-failed callback failed for {}", id, e);
        }
    }
}
