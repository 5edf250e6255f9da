package org.cusax.xmpp.contacts;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.BareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the server learn our entity capabilities (XEP-0115) once before our initial presence reaches every
 * contact. A PEP service (XEP-0163 §4: +notify in caps) asks the disco#info of a presence's caps hash it
 * does not know; Prosody 0.12 asks it once <em>per contact</em> when the initial presence is broadcast (each
 * contact's PEP service sends its own query before the first answer is back): N disco#info requests
 * answered by N stanzas, a burst that with stream management can fill Smack 4.4.8's unacknowledged queue
 * and deadlock it. So a presence is first directed to our own bare JID (RFC 6121 §4.6): our own PEP
 * service asks once; once our answer has been written, the broadcast follows it on the same stream and
 * the server knows the hash.
 */
public final class CapsPrimer {
    /** How long the initial presence waits for the server's caps query after the roster arrived. */
    static final Duration WAIT = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(CapsPrimer.class);

    private final XMPPConnection connection;
    private volatile CountDownLatch answered = new CountDownLatch(1);
    private final OrderedCapsQueries queries;

    public CapsPrimer(XMPPConnection connection) {
        this.connection = connection;
        queries = OrderedCapsQueries.install(connection); // answers the query (XEP-0030), in stream order
        connection.addStanzaSendingListener(s -> answered.countDown(), s -> s instanceof DiscoverInfo info
                && info.getType() == IQ.Type.result && info.getTo() != null && own() != null
                && info.getTo().equals(own()));
    }

    /**
     * How many caps queries (XEP-0115 §6.2: a disco#info with our caps node) we have answered so far, to
     * anyone, counted in stream order ({@link OrderedCapsQueries}). A server that did not know our caps hash asks
     * before it sends PEP notifications (XEP-0163 §4).
     */
    public long answersSent() {
        return queries.answered();
    }

    private BareJid own() {
        return connection.getUser() == null ? null : connection.getUser().asBareJid();
    }

    /** Sends an available presence to our own bare JID (call after login, before the roster request). */
    public void send() throws SmackException.NotConnectedException, InterruptedException {
        answered = new CountDownLatch(1);
        Presence p = connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                .to(own()).build();
        connection.sendStanza(p);
    }

    /** Waits (bounded) until our answer to the server's caps query was written; false if none came. */
    public boolean awaitAnswered() throws InterruptedException {
        boolean ok = answered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.debug(ok ? "caps known to the server before the initial presence" : "no caps query from the server");
        return ok;
    }
}
