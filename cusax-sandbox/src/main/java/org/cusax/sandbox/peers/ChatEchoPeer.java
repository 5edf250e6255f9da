package org.cusax.sandbox.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.sandbox.xmpp.SandboxXmppServer;
import org.cusax.xmpp.SmackChatPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo peer on the XMPP side: logs in like any client (our own {@link SmackChatPort}, SCRAM over
 * STARTTLS, the sandbox CA verified) and sends every chat message it receives back to its sender,
 * with the same text.
 */
public final class ChatEchoPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatEchoPeer.class);

    private final String jid;
    private final SmackChatPort port;
    private final PeerStatus status = new PeerStatus();
    private final AtomicInteger echoed = new AtomicInteger();

    private ChatEchoPeer(String jid, SmackChatPort port) {
        this.jid = jid;
        this.port = port;
    }

    /**
     * Logs in as {@code user} (which must exist on {@code xmpp} with {@code password}) and starts echoing;
     * returns once online.
     */
    public static ChatEchoPeer start(SandboxXmppServer xmpp, String user, String password, Path caCertificate,
                                     Duration loginWithin) throws InterruptedException {
        String jid = user + "@" + xmpp.domain();
        Account account = new Account(Protocol.XMPP, jid, user, Secret.of(password), xmpp.domain(),
                new ServerEndpoint(xmpp.host(), xmpp.port(), Transport.TCP),
                new SecuritySettings(Optional.of(caCertificate), Optional.empty(), "TLSv1.2", true),
                Features.chatDefaults());
        XmppSettings settings = new XmppSettings("echo-peer", false, Duration.ofSeconds(10), Duration.ofSeconds(10),
                true);
        SmackChatPort port = new SmackChatPort(account, settings,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5));
        ChatEchoPeer peer = new ChatEchoPeer(jid, port);
        port.start(peer.new Callbacks());
        try {
            peer.status.awaitOnline(jid, loginWithin);
        } catch (RuntimeException | InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    public String jid() {
        return jid;
    }

    /** How many messages were sent back so far. */
    public int echoed() {
        return echoed.get();
    }

    @Override
    public void close() {
        port.stop();
    }

    private final class Callbacks implements ChatCallbacks {
        @Override
        public void onStatus(ConnectionStatus s) {
            status.update(s);
        }

        @Override
        public void onMessage(ChatMessage incoming) {
            if (incoming.body().isBlank() || incoming.peer().equalsIgnoreCase(jid)) {
                return;
            }
            port.transmit(ChatMessage.outgoing(incoming.peer(), incoming.body()));
            echoed.incrementAndGet();
            LOG.debug("echo peer: echoed a message to {}", incoming.peer());
        }

        @Override
        public void onAcknowledged(String messageId) {
        }

        @Override
        public void onDeliveryFailed(String messageId, String reason) {
            LOG.info("echo peer: an echo was not delivered: {}", reason);
        }
    }
}
