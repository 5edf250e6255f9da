package org.cusax.xmpp.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>It also opens two ways out that Smack keeps to itself: giving a stream up with its XEP-0198 session
 * ({@link #abandonStream}) and waking a {@code disconnect()} that waits for a server that does not answer
 * ({@link #stopWaitingForServer}).
 */
public final class RosterFirstConnection extends XMPPTCPConnection {
    /** Packages of the managers whose login-time discovery we do without. */
    static final List<String> SKIPPED_AT_LOGIN = List.of("org.jivesoftware.smackx.httpfileupload.");

    public RosterFirstConnection(XMPPTCPConnectionConfiguration config) {
        super(config);
        connectionListeners.removeIf(RosterFirstConnection::skipped);
    }

    /**
     * Gives this stream up as Smack gives one up after a stream-management error: the connection is shut down,
     * every connection listener hears {@code connectionClosedOnError}, and Smack's own listener (the first one)
     * drops the XEP-0198 state, so that the next login binds a new session instead of resuming this one. Returns
     * once the listeners have run, or after {@code within}. Nothing happens if the connection is already closed.
     */
    public void abandonStream(String why, Duration within) throws InterruptedException {
        CountDownLatch heard = new CountDownLatch(1);
        ConnectionListener last = new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                if (e instanceof AbandonedStreamException) {
                    heard.countDown();
                }
            }
        };
        addConnectionListener(last); // listeners are called in the order they were added
        try {
            if (isConnected()) {
                notifyConnectionError(new AbandonedStreamException(why));
                heard.await(within.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            removeConnectionListener(last);
        }
    }

    /**
     * Wakes a {@code disconnect()} waiting for the server's closing stream tag (it waits up to the reply timeout,
     * holding the connection's monitor, for a server that may never answer): it goes on closing the socket at once.
     */
    public void stopWaitingForServer(String why) {
        setCurrentConnectionExceptionAndNotify(new AbandonedStreamException(why));
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
