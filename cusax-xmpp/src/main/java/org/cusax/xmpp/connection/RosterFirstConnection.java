package org.cusax.xmpp.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.sm.packet.StreamManagement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Nor does it wait for stream management before asking: Smack's {@code login()} enables XEP-0198 right after
 * resource binding and waits for the server's {@code <enabled/>} before it calls anyone, one round trip at every
 * new session. What is given to {@link #afterBinding} is sent right after binding, before {@code <enable/>}, in the
 * same round trip (XEP-0198 §3: the stanzas before {@code <enable/>} are simply not counted, on either side).
 * {@link #whenStreamManagementRequested} tells who counts stanzas for XEP-0198 ({@link AckGate}) that Smack keeps
 * every stanza queued after {@code <enable/>} until acknowledged, although it reports stream management enabled
 * only once {@code <enabled/>} is in.
 *
 * <p>It also opens two ways out that Smack keeps to itself: giving a stream up with its XEP-0198 session
 * ({@link #abandonStream}) and waking a {@code disconnect()} that waits for a server that does not answer
 * ({@link #stopWaitingForServer}).
 */
public final class RosterFirstConnection extends XMPPTCPConnection {
    /** Packages of the managers whose login-time discovery we do without. */
    static final List<String> SKIPPED_AT_LOGIN = List.of("org.jivesoftware.smackx.httpfileupload.");

    private static final Logger LOG = LoggerFactory.getLogger(RosterFirstConnection.class);

    private volatile Runnable afterBinding = () -> { };
    private final List<Runnable> streamManagementRequested = new CopyOnWriteArrayList<>();

    public RosterFirstConnection(XMPPTCPConnectionConfiguration config) {
        super(config);
        connectionListeners.removeIf(RosterFirstConnection::skipped);
    }

    /**
     * Runs {@code requests} on the login thread right after each resource binding (RFC 6120 §7), before stream
     * management is enabled, while Smack's managers already take the connection as logged in (they send only on a
     * logged-in connection, and Smack says so only after {@code <enabled/>}): what they send goes out with
     * {@code <enable/>}. Not run when a stream is resumed (no binding). It must not wait for the server; what it
     * throws is logged and the login goes on.
     */
    public void afterBinding(Runnable requests) {
        afterBinding = requests;
    }

    /** Runs {@code listener} on the login thread once {@code <enable/>} (XEP-0198 §3) is queued for sending. */
    public void whenStreamManagementRequested(Runnable listener) {
        streamManagementRequested.add(listener);
    }

    @Override
    protected Resourcepart bindResourceAndEstablishSession(Resourcepart resource)
            throws SmackException, InterruptedException, XMPPException {
        Resourcepart bound = super.bindResourceAndEstablishSession(resource);
        authenticated = true; // bound: the session is established (RFC 6120 §7.1)
        try {
            afterBinding.run();
        } catch (RuntimeException e) {
            LOG.warn("the requests after binding were not all sent: {}", e.toString());
        } finally {
            authenticated = false; // Smack's afterSuccessfulLogin sets it again, with its listeners
        }
        return bound;
    }

    @Override
    public void sendNonza(Nonza element) throws SmackException.NotConnectedException, InterruptedException {
        super.sendNonza(element);
        if (element instanceof StreamManagement.Enable) {
            streamManagementRequested.forEach(Runnable::run);
        }
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
