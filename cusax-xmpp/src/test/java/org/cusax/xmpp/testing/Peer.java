package org.cusax.xmpp.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cusax.core.account.Account;
import org.cusax.xmpp.connection.ConnectionConfigFactory;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;

/**
 * The other side of a chat in real-server tests: a plain Smack connection (separate from the adapter
 * under test) that records the messages and presences it receives.
 */
public final class Peer implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();

    private Peer(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /** Logs in as {@code account} with resource {@code resource}; sends presence if asked. */
    public static Peer login(Account account, String resource, boolean presence) throws Exception {
        var base = XmppAccounts.settings();
        var settings = new org.cusax.core.config.XmppSettings(resource, false, base.connectTimeout(),
                base.replyTimeout(), false);
        XMPPTCPConnection c = new XMPPTCPConnection(ConnectionConfigFactory.build(account, settings,
                TlsContexts.forAccount(account.security(), new TlsSessionObserver())));
        ReconnectionManager.getInstanceFor(c).disableAutomaticReconnection();
        Peer peer = new Peer(c);
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.addSyncStanzaListener(s -> peer.messages.add((Message) s), StanzaTypeFilter.MESSAGE);
        c.addSyncStanzaListener(s -> peer.presences.add((Presence) s), StanzaTypeFilter.PRESENCE);
        c.setReplyTimeout(10_000);
        c.connect().login();
        if (presence) {
            c.sendStanza(StanzaBuilder.buildPresence().ofType(Presence.Type.available).build());
        }
        return peer;
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    public void enableCarbons() throws Exception {
        CarbonManager.getInstanceFor(connection).enableCarbons();
    }

    /** Sends {@code <message type='chat'>} with the given id. */
    public void send(String to, String id, String body) throws Exception {
        connection.sendStanza(StanzaBuilder.buildMessage(id).to(to).ofType(Message.Type.chat).setBody(body).build());
    }

    /** The next message with a body, or null after the timeout. */
    public Message nextMessage(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Message m = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null || m.getBody() != null) {
                return m;
            }
        }
    }

    /**
     * Every message with a body received up to a fence: a message this peer sends itself now. A server that
     * handles stanzas one at a time in arrival order (Prosody) routes the fence after everything it routed to us
     * before (every stanza it acknowledged, every stream it closed); our listeners run in order. So nothing that
     * came before is missed, and nothing is waited for after it.
     */
    public List<Message> messagesUntilFence(Duration wait) throws Exception {
        String fence = "fence-" + UUID.randomUUID();
        send(connection.getUser().toString(), fence, "fence");
        List<Message> found = new ArrayList<>();
        while (true) {
            Message m = nextMessage(wait);
            if (m == null) {
                throw new AssertionError("the fence never came back; before it: " + found);
            }
            if (fence.equals(m.getStanzaId())) {
                return found;
            }
            found.add(m);
        }
    }

    /** Every presence received so far. */
    public List<Presence> presences() {
        return List.copyOf(presences);
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
