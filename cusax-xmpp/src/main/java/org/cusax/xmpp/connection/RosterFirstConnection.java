package org.cusax.xmpp.connection;

import java.util.List;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * A Smack TCP connection whose login asks the server nothing before we request the roster.
 *
 * <p>Smack runs every manager's "authenticated" listener inside {@code login()}, before it returns. One of
 * them, smack-experimental's HTTP File Upload manager (XEP-0363, a Smack startup class we never use),
 * searches the server for an upload service at every new session: a disco#items of the domain for the
 * current namespace, then again for the legacy one, plus a disco#info per item the server lists, each a
 * blocking round trip. They delayed our roster request (RFC 6121 §2.1.3) by two round trips or more (seen in
 * a stanza trace of a cold start against Prosody). Its listener is dropped here, right after Smack's own
 * construction added it; every other manager is left as Smack made it.
 */
public final class RosterFirstConnection extends XMPPTCPConnection {
    /** Packages of the managers whose login-time discovery we do without. */
    static final List<String> SKIPPED_AT_LOGIN = List.of("org.jivesoftware.smackx.httpfileupload.");

    public RosterFirstConnection(XMPPTCPConnectionConfiguration config) {
        super(config);
        connectionListeners.removeIf(RosterFirstConnection::skipped);
    }

    /** Connection listeners left, by class name (for tests). */
    List<String> listenerClasses() {
        return connectionListeners.stream().map(l -> l.getClass().getName()).toList();
    }

    private static boolean skipped(ConnectionListener listener) {
        String name = listener.getClass().getName();
        return SKIPPED_AT_LOGIN.stream().anyMatch(name::startsWith);
    }
}
