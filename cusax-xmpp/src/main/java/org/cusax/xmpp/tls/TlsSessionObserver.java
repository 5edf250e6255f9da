package org.cusax.xmpp.tls;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Remembers the TLS socket of the current connection so that the negotiated protocol and cipher suite
 * can be reported (Smack 4.4 does not expose its {@code SSLSession}). Thread-safe.
 */
public final class TlsSessionObserver {
    private final AtomicReference<SSLSocket> current = new AtomicReference<>();

    void socketCreated(SSLSocket socket) {
        current.set(socket);
    }

    /**
     * The session of the latest TLS socket. Call only once its handshake is known to be complete (Smack
     * reports {@code isSecureConnection()}): on a socket still before its handshake, asking for the
     * session would start the handshake.
     */
    public Optional<SSLSession> session() {
        SSLSocket socket = current.get();
        if (socket == null || socket.isClosed()) {
            return Optional.empty();
        }
        SSLSession session = socket.getSession();
        if (session == null || !session.isValid() || "NONE".equals(session.getProtocol())
                || session.getCipherSuite().startsWith("SSL_NULL")) {
            return Optional.empty();
        }
        return Optional.of(session);
    }
}
