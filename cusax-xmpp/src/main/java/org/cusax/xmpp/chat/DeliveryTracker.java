package org.cusax.xmpp.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cusax.core.port.ChatCallbacks;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches XEP-0198 acknowledgements and error replies to the chat messages we sent. Only ids handed
 * to {@link #expect} are reported, so acks for presence or IQs never reach the core. An id is reported
 * acknowledged once; an error reply is matched even after the ack (a remote error usually comes later).
 */
public final class DeliveryTracker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

    private final ChatCallbacks callbacks;
    private final Set<String> awaitingAck = ConcurrentHashMap.newKeySet();
    private final RecentIds sent = new RecentIds(4096);

    public DeliveryTracker(ChatCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** Called before a message is written; {@code ack} if the stream will acknowledge it. */
    void expect(String id, boolean ack) {
        sent.add(id);
        if (ack) {
            awaitingAck.add(id);
        }
    }

    /** The message was not written after all. */
    void forget(String id) {
        awaitingAck.remove(id);
        sent.remove(id);
    }

    /** Smack's stanza-acknowledged listener. */
    public void acknowledged(Stanza stanza) {
        String id = stanza.getStanzaId();
        if (stanza instanceof Message && id != null && awaitingAck.remove(id)) {
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
        awaitingAck.remove(id);
        sent.remove(id);
        String reason = DeliveryErrors.describe(error.getError());
        LOG.info("message {} to {} failed: {}", id, error.getFrom(), reason);
        failed(id, reason);
    }

    void failed(String id, String reason) {
        try {
            callbacks.onDeliveryFailed(id, reason);
        } catch (RuntimeException e) {
            LOG.warn("delivery-failed callback failed for {}", id, e);
        }
    }
}
