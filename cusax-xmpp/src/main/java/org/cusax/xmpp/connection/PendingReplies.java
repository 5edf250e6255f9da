package org.cusax.xmpp.connection;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException.NoResponseException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * The IQ requests of one connection awaiting their reply, found by stanza id (RFC 6120 §8.2.3: the reply
 * carries the request's id) with ONE listener on the connection. Smack's {@code sendIqRequestAsync} puts one
 * {@code IQReplyFilter} per request on the connection, and its reader matches every incoming stanza against
 * every one of them: O(requests pending) per stanza, O(N²) for N pipelined vCard requests. Here a stanza costs
 * one map look-up.
 *
 * <p>Same outcomes as {@code sendIqRequestAsync}: a reply is taken only from whom it may come
 * ({@code IQReplyFilter}'s rule: the request's {@code to}; our own bare JID, our server or no {@code from} when
 * {@code to} was empty; no {@code from} when it was our bare JID), so an answer forged with a pending id by
 * another entity is ignored and the request still waits; an error reply fails the request with Smack's
 * {@link XMPPErrorException}; no reply within the connection's reply timeout fails it with
 * {@link NoResponseException} (timers on the given scheduler); when the connection closes, on error or not,
 * every pending request fails with {@link NotConnectedException}. An answered, failed or timed-out request
 * leaves the map at once. Replies complete their future on Smack's ordered listener thread: callers hand work
 * elsewhere.
 */
public final class PendingReplies implements AutoCloseable {
    private final XMPPConnection connection;
    private final ScheduledExecutorService timer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final StanzaListener replies = this::received;
    private final StanzaFilter awaited = this::awaited;
    private final ConnectionListener closing = new ConnectionListener() {
        @Override
        public void connectionClosed() {
            failAll();
        }

        @Override
        public void connectionClosedOnError(Exception e) {
            failAll();
        }
    };

    /** @param timer runs the reply timeouts (the connection's {@link XMPPConnection#getReplyTimeout()}) */
    public PendingReplies(XMPPConnection connection, ScheduledExecutorService timer) {
        this.connection = connection;
        this.timer = timer;
        connection.addSyncStanzaListener(replies, awaited);
        connection.addConnectionListener(closing);
    }

    /**
     * Sends {@code request} (a get or set IQ) and returns at once: the future completes with the reply, or
     * exceptionally as described above ({@link NotConnectedException} also when it cannot be sent).
     */
    @SuppressWarnings("deprecation") // Smack 4.4's way to give an IQ built without id one
    public CompletableFuture<IQ> request(IQ request) {
        if (!request.isRequestIQ()) {
            throw new IllegalArgumentException("not a request IQ: " + request.getType());
        }
        String id = request.setStanzaId();
        Pending entry = new Pending(request.getTo(), connection.getUser(), connection.getXMPPServiceDomain());
        if (pending.putIfAbsent(id, entry) != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a request with id " + id
                    + " already awaits its reply"));
        }
        long timeout = connection.getReplyTimeout();
        try {
            entry.timeout = timer.schedule(() -> expire(id, entry, timeout), timeout, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail(id, entry, new NotConnectedException("the session is over"));
            return entry.reply;
        }
        try {
            connection.sendStanza(request);
        } catch (NotConnectedException e) {
            fail(id, entry, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(id, entry, e);
        }
        return entry.reply;
    }

    /** Requests awaiting their reply now. */
    public int pending() {
        return pending.size();
    }

    /** Takes the listeners off the connection; what still waits fails with {@link NotConnectedException}. */
    @Override
    public void close() {
        connection.removeSyncStanzaListener(replies);
        connection.removeConnectionListener(closing);
        failAll();
    }

    /** On Smack's reader thread: a result or error with a pending id (the {@code from} is checked later). */
    private boolean awaited(Stanza stanza) {
        if (!(stanza instanceof IQ iq) || !(iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error)) {
            return false;
        }
        String id = iq.getStanzaId();
        return id != null && pending.containsKey(id);
    }

    private void received(Stanza stanza) {
        IQ reply = (IQ) stanza;
        String id = reply.getStanzaId();
        Pending entry = pending.get(id);
        if (entry == null || !entry.mayAnswer(reply.getFrom()) || !pending.remove(id, entry)) {
            return; // not ours, from someone else (the request goes on waiting), or timed out meanwhile
        }
        entry.cancelTimeout();
        StanzaError error = reply.getError();
        if (error != null) {
            entry.reply.completeExceptionally(new XMPPErrorException(reply, error));
        } else {
            entry.reply.complete(reply);
        }
    }

    private void expire(String id, Pending entry, long timeout) {
        if (pending.remove(id, entry)) {
            entry.reply.completeExceptionally(connection.isConnected()
                    ? NoResponseException.newWith(timeout, new StanzaIdFilter(id), false)
                    : new NotConnectedException("the connection was lost while request " + id + " awaited its reply"));
        }
    }

    private void fail(String id, Pending entry, Exception cause) {
        if (pending.remove(id, entry)) {
            entry.cancelTimeout();
            entry.reply.completeExceptionally(cause);
        }
    }

    private void failAll() {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            String id = e.getKey();
            fail(id, e.getValue(), new NotConnectedException("the connection closed while request " + id
                    + " awaited its reply"));
        }
    }

    /** One request awaiting its reply, and who may send it. */
    private static final class Pending {
        final CompletableFuture<IQ> reply = new CompletableFuture<>();
        final Jid to;
        final EntityFullJid own;
        final DomainBareJid server;
        volatile ScheduledFuture<?> timeout;

        Pending(Jid to, EntityFullJid own, DomainBareJid server) {
            this.to = to;
            this.own = own;
            this.server = server;
        }

        /** {@code IQReplyFilter}'s rule (RFC 6120 §8.1.2.1: the server answers for our account). */
        boolean mayAnswer(Jid from) {
            if (to == null) {
                return from == null
                        || own != null && from.asBareJid().equals(own.asBareJid())
                        || from.equals(server);
            }
            if (from == null) {
                return own != null && to.equals(own.asBareJid());
            }
            return from.equals(to);
        }

        void cancelTimeout() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
