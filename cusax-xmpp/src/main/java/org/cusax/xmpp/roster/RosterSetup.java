package org.cusax.xmpp.roster;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cusax.core.connection.FailureReason;
import org.cusax.xmpp.connection.ManagerListeners;
import org.cusax.xmpp.connection.SessionSetupException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.rosterstore.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures Smack's roster for one connection: subscription requests are left pending for the user
 * (manual mode, RFC 6121 §3.1.3), versioning through a roster store, and loading under our control
 * so that the roster is requested before initial presence is sent (RFC 6121 §2.2).
 */
public final class RosterSetup {
    private static final Logger LOG = LoggerFactory.getLogger(RosterSetup.class);

    private final Roster roster;
    private final RosterView view;
    private final RosterEdits edits;
    private final XMPPConnection connection;
    /** Counted down when the last request has been answered, with the roster or an error. */
    private volatile CountDownLatch answered = new CountDownLatch(0);

    public RosterSetup(XMPPConnection connection) {
        this(connection, new InMemoryRosterStore());
    }

    /** @param store where the roster and its version are kept between loads (and between runs, if on disk) */
    public RosterSetup(XMPPConnection connection, RosterStore store) {
        this(connection, store, jid -> { });
    }

    /**
     * @param requests told the bare JID of each inbound subscription request (RFC 6121 §3.1.3), left pending for
     *                 the user to answer ({@link RosterEdits#answer})
     */
    public RosterSetup(XMPPConnection connection, RosterStore store, java.util.function.Consumer<String> requests) {
        this(connection, store, requests, jid -> { }, new ManagerListeners());
    }

    /**
     * @param withdrawals told the bare JID of each inbound {@code unsubscribe} (RFC 6121 §3.3.3): a request from
     *                    it that still waits is withdrawn
     */
    public RosterSetup(XMPPConnection connection, RosterStore store, java.util.function.Consumer<String> requests,
                       java.util.function.Consumer<String> withdrawals, ManagerListeners managers) {
        this.connection = connection;
        roster = Roster.getInstanceFor(connection);
        RosterLoadedListener answers = new RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster loaded) {
                answered.countDown();
            }

            @Override
            public void onRosterLoadingFailed(Exception e) {
                answered.countDown();
            }
        };
        roster.addRosterLoadedListener(answers);
        managers.added(() -> roster.removeRosterLoadedListener(answers));
        connection.addAsyncStanzaListener(stanza -> {
            if (stanza.getFrom() == null) {
                return;
            }
            LOG.debug("unsubscribe from {}", stanza.getFrom());
            try {
                withdrawals.accept(stanza.getFrom().asBareJid().toString());
            } catch (RuntimeException e) {
                LOG.warn("an unsubscribe from {} was not reported: {}", stanza.getFrom(), e.toString());
            }
        }, new AndFilter(StanzaTypeFilter.PRESENCE, PresenceTypeFilter.UNSUBSCRIBE));
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.setRosterLoadedAtLogin(false);
        roster.setRosterStore(store);
        SubscribeListener subscribe = (from, presence) -> {
            LOG.debug("subscription request from {} left pending for the user", from);
            try {
                requests.accept(from.asBareJid().toString());
            } catch (RuntimeException e) {
                LOG.warn("a subscription request from {} was not reported: {}", from, e.toString());
            }
            return null; // no decision: manual mode leaves it unanswered
        };
        roster.addSubscribeListener(subscribe);
        managers.added(() -> roster.removeSubscribeListener(subscribe));
        view = new SmackRosterView(roster);
        edits = new RosterEdits(connection);
    }

    /** The user's changes to this roster. */
    public RosterEdits edits() {
        return edits;
    }

    /** Requests the roster and waits for it (bounded by the reply timeout). */
    public void load() throws SessionSetupException, InterruptedException {
        request();
        awaitLoaded();
    }

    /** Sends the roster request (RFC 6121 §2.1.3) without waiting for the answer ({@link #awaitLoaded}). */
    public void request() throws SessionSetupException, InterruptedException {
        answered = new CountDownLatch(1);
        try {
            roster.reload();
        } catch (SmackException.NotLoggedInException | SmackException.NotConnectedException e) {
            throw new SessionSetupException(FailureReason.of(FailureReason.Kind.CONNECTION_LOST,
                    "the connection was lost while loading the contact list"));
        }
    }

    /** Waits (bounded by the reply timeout) for the answer to the last {@link #request}. */
    public void awaitLoaded() throws SessionSetupException, InterruptedException {
        answered.await(connection.getReplyTimeout(), TimeUnit.MILLISECONDS);
        if (!roster.isLoaded()) {
            throw new SessionSetupException(FailureReason.of(FailureReason.Kind.TIMEOUT,
                    "the server did not send the contact list in time"));
        }
        LOG.info("roster loaded: {} contacts{}", roster.getEntryCount(),
                roster.isRosterVersioningSupported() ? " (versioned)" : "");
    }

    public boolean loaded() {
        return roster.isLoaded();
    }

    public RosterView view() {
        return view;
    }
}
