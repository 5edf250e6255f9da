package org.cusax.xmpp.roster;

import java.util.List;

import org.cusax.core.port.RosterChangeException;
import org.cusax.core.port.RosterChangeException.Kind;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's roster changes on Smack (RFC 6121): add with a subscription request (§2.3, §3.1.1), update
 * name and groups (§2.4), remove (§2.5, which also cancels both subscriptions), and answers to inbound
 * subscription requests (§3.1.4 approve, §3.2.1 deny). Each call blocks until the server answers, bounded by
 * the connection's reply timeout; the core calls it on the XMPP half's executor.
 */
public final class RosterEdits {
    private static final Logger LOG = LoggerFactory.getLogger(RosterEdits.class);

    private final XMPPConnection connection;
    private final Roster roster;

    public RosterEdits(XMPPConnection connection) {
        this.connection = connection;
        this.roster = Roster.getInstanceFor(connection);
    }

    public void add(String jid, String name, List<String> groups) throws RosterChangeException, InterruptedException {
        BareJid bare = jid(jid);
        requireOnline();
        try {
            roster.createItemAndRequestSubscription(bare, name.isEmpty() ? null : name, groups.toArray(String[]::new));
        } catch (SmackException | XMPPException e) {
            throw failure("add " + jid, e);
        }
    }

    public void update(String jid, String name, List<String> groups) throws RosterChangeException, InterruptedException {
        BareJid bare = jid(jid);
        requireOnline();
        if (roster.getEntry(bare) == null) {
            throw new RosterChangeException(Kind.NOT_FOUND, jid + " is not in the contact list");
        }
        try {
            // one roster set with the whole item (§2.4.1): name and groups replace what was there
            roster.createItem(bare, name.isEmpty() ? null : name, groups.toArray(String[]::new));
        } catch (SmackException | XMPPException e) {
            throw failure("update " + jid, e);
        }
    }

    public void remove(String jid) throws RosterChangeException, InterruptedException {
        BareJid bare = jid(jid);
        requireOnline();
        RosterEntry entry = roster.getEntry(bare);
        if (entry == null) {
            throw new RosterChangeException(Kind.NOT_FOUND, jid + " is not in the contact list");
        }
        try {
            roster.removeEntry(entry);
        } catch (SmackException | XMPPException e) {
            throw failure("remove " + jid, e);
        }
    }

    /**
     * Approve: {@code subscribed}, and {@code subscribe} back when we do not see (nor asked to see) their
     * presence yet, so that both see each other. Deny: {@code unsubscribed}.
     */
    public void answer(String jid, boolean approve) throws RosterChangeException, InterruptedException {
        BareJid bare = jid(jid);
        requireOnline();
        try {
            connection.sendStanza(presence(bare, approve ? Presence.Type.subscribed : Presence.Type.unsubscribed));
            if (approve) {
                RosterEntry entry = roster.getEntry(bare);
                if (entry == null || !(entry.canSeeHisPresence() || entry.isSubscriptionPending())) {
                    connection.sendStanza(presence(bare, Presence.Type.subscribe));
                }
            }
            LOG.debug("subscription request of {} {}", jid, approve ? "approved" : "denied");
        } catch (SmackException.NotConnectedException e) {
            throw new RosterChangeException(Kind.NOT_CONNECTED, "Chat went offline: the answer was not sent");
        }
    }

    private static Presence presence(BareJid to, Presence.Type type) {
        return StanzaBuilder.buildPresence().ofType(type).to(to).build();
    }

    private void requireOnline() throws RosterChangeException {
        if (!connection.isAuthenticated()) {
            throw new RosterChangeException(Kind.NOT_CONNECTED, "Chat is not online: try again when it is");
        }
    }

    private static BareJid jid(String jid) throws RosterChangeException {
        try {
            return JidCreate.bareFrom(jid);
        } catch (XmppStringprepException e) {
            throw new RosterChangeException(Kind.REFUSED, "'" + jid + "' is not a valid JID");
        }
    }

    private static RosterChangeException failure(String what, Exception e) {
        if (e instanceof XMPPException.XMPPErrorException error) {
            return new RosterChangeException(Kind.REFUSED, "the server refused to " + what + ": "
                    + error.getStanzaError().getCondition());
        }
        if (e instanceof SmackException.NoResponseException) {
            return new RosterChangeException(Kind.TIMEOUT, "the server did not answer in time (" + what + ")");
        }
        if (e instanceof SmackException.NotLoggedInException || e instanceof SmackException.NotConnectedException) {
            return new RosterChangeException(Kind.NOT_CONNECTED, "Chat went offline (" + what + ")");
        }
        LOG.debug("roster change failed: {}", what, e);
        return new RosterChangeException(Kind.REFUSED, "could not " + what + ": " + e.getClass().getSimpleName());
    }
}
