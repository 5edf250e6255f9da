package org.cusax.xmpp.chat;

import java.time.Clock;
import java.util.UUID;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.core.port.ChatCallbacks;
import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands incoming one-to-one messages to the core: type chat or normal (RFC 6121 §5.2.2) with a body.
 * Body-less messages (chat states, receipts, carbon wrappers) are ignored. A message whose sender and id
 * we have already seen is dropped: after a failed XEP-0198 resumption the sender re-sends unacknowledged
 * messages with the same id.
 */
public final class IncomingChat {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingChat.class);

    private final ChatCallbacks callbacks;
    private final Clock clock;
    private final RecentIds seen = new RecentIds(4096);

    public IncomingChat(ChatCallbacks callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Whether a message is a chat message for the user. */
    public static boolean isChat(Message message) {
        Message.Type type = message.getType();
        String body = message.getBody();
        return (type == Message.Type.chat || type == Message.Type.normal)
                && body != null && !body.isEmpty() && message.getFrom() != null;
    }

    /** A message addressed to us, or the inner message of a received carbon (XEP-0280 §6). */
    public void accept(Message message) {
        if (!isChat(message)) {
            return;
        }
        Jid from = message.getFrom().asBareJid();
        String id = message.getStanzaId();
        if (id != null && !seen.add(from + " " + id)) {
            LOG.debug("dropping duplicate message {} from {}", id, from);
            return;
        }
        String ourId = id != null && !id.isBlank() ? id : "in-" + UUID.randomUUID();
        ChatMessage incoming = new ChatMessage(ourId, from.toString(), Direction.INCOMING, message.getBody(),
                clock.instant());
        try {
            callbacks.onMessage(incoming);
        } catch (RuntimeException e) {
            LOG.warn("incoming message callback failed for {}", ourId, e);
        }
    }
}
