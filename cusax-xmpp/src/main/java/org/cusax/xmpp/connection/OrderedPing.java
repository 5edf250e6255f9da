package org.cusax.xmpp.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.IQReplyFilter;
import org.jivesoftware.smackx.ping.packet.Ping;

/**
 * A ping (XEP-0199) to our server whose answer is taken on Smack's ordered listener queue, the queue of every
 * synchronous stanza listener and IQ handler of the connection ({@code addSyncStanzaListener}), not by a reply
 * collector. Smack hands a reply to its collector at once on the reader thread, while the listeners of the stanzas
 * that came before it may still be queued; taken in order, the answer means that everything the server sent before
 * it (presences, PEP notifications, XEP-0163 §6.1.1) has been handled by those listeners. Any answer counts,
 * an error too (the server is there); no answer within the connection's reply timeout: false. A connection that
 * closes meanwhile ends the wait at once.
 */
public final class OrderedPing {
    private OrderedPing() {
    }

    /** How a ping ended. */
    public enum Outcome {
        /** The server answered (in stream order). */
        ANSWERED,
        /** The connection stayed up and no answer came within the reply timeout. */
        NO_ANSWER,
        /** The connection closed before the answer came. */
        CLOSED
    }

    /** Pings our server; true once the answer has been taken in stream order, false if none came in time. */
    public static boolean pingServer(XMPPConnection connection)
            throws SmackException.NotConnectedException, InterruptedException {
        return ping(connection) == Outcome.ANSWERED;
    }

    /** Pings our server and tells whether it answered, stayed silent, or the connection closed first. */
    public static Outcome ping(XMPPConnection connection)
            throws SmackException.NotConnectedException, InterruptedException {
        return ping(connection, e -> { });
    }

    /** The same; a connection closed by an error first hands that error to {@code closedBy}. */
    public static Outcome ping(XMPPConnection connection, Consumer<Exception> closedBy)
            throws SmackException.NotConnectedException, InterruptedException {
        Ping ping = new Ping(connection, connection.getXMPPServiceDomain());
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        StanzaListener reply = stanza -> outcome.complete(Outcome.ANSWERED);
        ConnectionListener closed = new ConnectionListener() {
            @Override
            public void connectionClosed() {
                outcome.complete(Outcome.CLOSED);
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (outcome.complete(Outcome.CLOSED)) {
                    closedBy.accept(e);
                }
            }
        };
        connection.addSyncStanzaListener(reply, new IQReplyFilter(ping, connection));
        connection.addConnectionListener(closed);
        try {
            connection.sendStanza(ping);
            return outcome.get(connection.getReplyTimeout(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Outcome.NO_ANSWER;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            connection.removeConnectionListener(closed);
            connection.removeSyncStanzaListener(reply);
        }
    }
}
