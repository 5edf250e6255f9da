package org.cusax.xmpp.chat;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.sm.StreamManagementException;
import org.jivesoftware.smack.sm.predicates.Predicate;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.cusax.xmpp.connection.ManagerListeners;
import org.jivesoftware.smackx.carbons.CarbonCopyReceivedListener;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the chat classes to a Smack connection: incoming messages (in order, on Smack's synchronous
 * listener thread), error replies, XEP-0198 acknowledgements and received carbons.
 *
 * <p>Deliberately no stanza-dropped listener: Smack 4.4 re-sends the stanzas left unacknowledged by a
 * stream it could not resume only when no such listener is registered. When Smack drops them instead (see
 * {@link #dropsStreamState}) the messages among them are written again by the {@link ChatTransmitter}.
 */
public final class ChatWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ChatWiring.class);
    private static final StanzaFilter CHAT_OR_NORMAL = new AndFilter(StanzaTypeFilter.MESSAGE,
            stanza -> IncomingChat.isChat((Message) stanza));

    private ChatWiring() {
    }

    /**
     * Listens for error replies and acknowledgements (needed even when chat is off, for safety).
     *
     * <p>The error listener is one whose end Smack's reader thread waits for ({@code addStanzaListener}):
     * a server that refuses a message answers before it acknowledges it (it handles the {@code <message/>}
     * before the {@code <r/>} that follows), and Smack hands out acknowledgements on another thread as soon as
     * it reads the {@code <a/>}. Handled on the reader thread, the refusal is known before the ack is
     * reported, so a refused message is never reported acknowledged first.
     */
    public static void trackDelivery(XMPPTCPConnection connection, DeliveryTracker tracker) {
        connection.addStanzaListener(stanza -> tracker.errorReply((Message) stanza), MessageTypeFilter.ERROR);
        connection.addStanzaAcknowledgedListener(tracker::acknowledged);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed() {
                tracker.streamDropped(); // a closing stream tag ends the XEP-0198 session too
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (dropsStreamState(e)) {
                    tracker.streamDropped();
                }
            }
        });
        // XEP-0198 §4: ask for an ack right after each message so that it comes promptly.
        connection.addRequestAckPredicate(Predicate.forMessagesOrAfter5Stanzas());
    }

    /**
     * Whether Smack 4.4 drops the stream's XEP-0198 state, unacknowledged stanzas included, on this error (its own
     * connection listener in {@code XMPPTCPConnection}): a stream error, or a stream-management error such as a
     * stream we gave up ({@code AbandonedStreamException}).
     */
    static boolean dropsStreamState(Exception e) {
        return e instanceof XMPPException.StreamErrorException || e instanceof StreamManagementException;
    }

    /** Listens for chat messages addressed to us and for carbons of messages our other clients got. */
    public static void receive(XMPPTCPConnection connection, IncomingChat incoming, ManagerListeners managers) {
        connection.addSyncStanzaListener(stanza -> incoming.accept((Message) stanza), CHAT_OR_NORMAL);
        // CarbonManager only accepts carbons from our own bare JID (XEP-0280 §11 spoofing check).
        CarbonManager carbons = CarbonManager.getInstanceFor(connection);
        CarbonCopyReceivedListener listener = (direction, copy, wrapper) -> onCarbon(direction, copy, incoming);
        carbons.addCarbonCopyReceivedListener(listener);
        managers.added(() -> carbons.removeCarbonCopyReceivedListener(listener));
    }

    /** A received carbon is a message for us that another of our clients got; a sent carbon is ours. */
    static void onCarbon(CarbonExtension.Direction direction, Message copy, IncomingChat incoming) {
        if (direction == CarbonExtension.Direction.received) {
            incoming.accept(copy);
        } else {
            LOG.debug("carbon of a message sent by another of our clients: {}", copy.getStanzaId());
        }
    }
}
