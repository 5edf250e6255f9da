package org.cusax.xmpp.chat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.port.TransmitResult;
import org.cusax.xmpp.xml.XmlChars;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one chat message as {@code <message type='chat' id=… to=…><body/></message>} (RFC 6121 §5.2).
 * The core's message id becomes the stanza id, so a message re-sent after a reconnection keeps its id.
 * Never throws and never blocks on the network: when not online it answers {@link TransmitResult#NOT_CONNECTED}
 * and the core keeps the message queued.
 */
public final class ChatTransmitter {
    private static final Logger LOG = LoggerFactory.getLogger(ChatTransmitter.class);

    private final StanzaLink link;
    private final DeliveryTracker tracker;
    private final boolean chatEnabled;

    /** @param chatEnabled the account's IM switch; when off every message fails with a reason */
    public ChatTransmitter(StanzaLink link, DeliveryTracker tracker, boolean chatEnabled) {
        this.link = link;
        this.tracker = tracker;
        this.chatEnabled = chatEnabled;
    }

    public TransmitResult transmit(ChatMessage message) {
        if (!chatEnabled) {
            tracker.failed(message.id(), "chat is switched off for this XMPP account");
            return TransmitResult.REJECTED;
        }
        EntityBareJid to;
        try {
            to = JidCreate.entityBareFrom(message.peer());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            tracker.failed(message.id(), "'" + message.peer() + "' is not a valid XMPP address");
            return TransmitResult.REJECTED;
        }
        if (message.body().isEmpty()) {
            tracker.failed(message.id(), "the message is empty");
            return TransmitResult.REJECTED;
        }
        OptionalInt invalid = XmlChars.firstInvalid(message.body());
        if (invalid.isPresent()) { // written as is, it would end our stream, and again after every reconnection
            tracker.failed(message.id(), "the message contains a character XMPP cannot carry ("
                    + XmlChars.name(invalid.getAsInt()) + ", a control character)");
            return TransmitResult.REJECTED;
        }
        if (!link.online()) {
            return TransmitResult.NOT_CONNECTED;
        }
        Message stanza = StanzaBuilder.buildMessage(message.id())
                .to(to)
                .ofType(Message.Type.chat)
                .setBody(message.body())
                .build();
        boolean acks = link.acknowledgements();
        tracker.expect(stanza, acks);
        try {
            link.send(stanza);
        } catch (NotConnectedException e) {
            tracker.forget(message.id());
            return TransmitResult.NOT_CONNECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.forget(message.id());
            return TransmitResult.NOT_CONNECTED;
        } catch (RuntimeException e) {
            LOG.warn("could not write message {}; it stays queued", message.id(), e);
            tracker.forget(message.id());
            return TransmitResult.NOT_CONNECTED;
        }
        LOG.debug("message {} written to {} ({})", message.id(), to, acks ? "awaiting ack" : "no acks");
        return acks ? TransmitResult.SENT_AWAITING_ACK : TransmitResult.SENT_WITHOUT_ACK;
    }

    /**
     * Writes again, oldest first, the messages whose stream was dropped before they were acknowledged
     * ({@link DeliveryTracker#streamDropped}), with their ids; called on a new stream before it is reported online,
     * so that they go before anything the core sends then. What cannot be written stays for the next stream.
     */
    public void resendDropped() {
        List<Message> messages = tracker.takeDropped();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            boolean acks = link.acknowledgements();
            tracker.expect(m, acks);
            try {
                link.send(m);
            } catch (NotConnectedException | InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                tracker.forget(m.getStanzaId());
                tracker.keepDropped(messages.subList(i, messages.size()));
                LOG.debug("could not write message {} again: {}", m.getStanzaId(), e.toString());
                return;
            }
            LOG.debug("message {} written again to {} ({})", m.getStanzaId(), m.getTo(),
                    acks ? "awaiting ack" : "no acks");
        }
    }

    /**
     * Before a clean logout: waits up to {@code timeout} for the server to acknowledge (XEP-0198 §4) the messages
     * written on this stream, so that what was sent just before it is reported acknowledged, not left unconfirmed.
     * Returns at once when the stream is not online (nothing can be acknowledged then). True if none is left.
     */
    public boolean settle(Duration timeout) {
        if (!link.online()) {
            return false;
        }
        try {
            return tracker.awaitAcknowledged(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The session ends for good with messages the server never confirmed (chat switched off in the running
     * session): each is reported failed with {@code reason}, so that none stays "awaiting ack" forever.
     */
    public void failUnconfirmed(String reason) {
        for (Message m : tracker.takeUnconfirmed()) {
            tracker.failed(m.getStanzaId(), reason);
        }
    }
}
