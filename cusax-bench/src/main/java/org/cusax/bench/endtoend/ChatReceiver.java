package org.cusax.bench.endtoend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.config.XmppSettings;
import org.cusax.testbed.TestUser;
import org.cusax.xmpp.connection.ConnectionConfigFactory;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * The second XMPP client, plain Smack logged in to real Prosody: counts the chat messages that arrive whose body
 * starts with a given prefix, and when the last of them arrived.
 */
final class ChatReceiver implements AutoCloseable {
    private static final XmppSettings SETTINGS = new XmppSettings("bench-receiver", false, Duration.ofSeconds(10),
            Duration.ofSeconds(60), true);
    private final XMPPTCPConnection connection;
    private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile long lastArrivalNanos;

    private ChatReceiver(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    static ChatReceiver login(TestUser user, String domain, int port, Path caCertificate) throws Exception {
        Account account = new Account(Protocol.XMPP, user.jid(), user.name(), Secret.of(user.password()), domain,
                new ServerEndpoint("127.0.0.1", port, Transport.TCP),
                new SecuritySettings(Optional.of(caCertificate), Optional.empty(), "TLSv1.2", true),
                Features.chatDefaults());
        XMPPTCPConnection c = new XMPPTCPConnection(ConnectionConfigFactory.build(account, SETTINGS,
                TlsContexts.forAccount(account.security(), new TlsSessionObserver())));
        ChatReceiver r = new ChatReceiver(c);
        c.addAsyncStanzaListener(s -> r.arrived(((Message) s).getBody()), MessageTypeFilter.NORMAL_OR_CHAT);
        c.connect().login();
        // available, so that Prosody delivers to this resource instead of storing offline (RFC 6121 §8.5.2.1)
        c.sendStanza(c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
        return r;
    }

    private void arrived(String body) {
        if (body == null) {
            return;
        }
        int dash = body.indexOf(':');
        if (dash > 0) {
            counts.computeIfAbsent(body.substring(0, dash), k -> new AtomicLong()).incrementAndGet();
            lastArrivalNanos = System.nanoTime();
        }
    }

    /** Messages arrived so far whose body starts with {@code prefix:}. */
    long count(String prefix) {
        AtomicLong n = counts.get(prefix);
        return n == null ? 0 : n.get();
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
