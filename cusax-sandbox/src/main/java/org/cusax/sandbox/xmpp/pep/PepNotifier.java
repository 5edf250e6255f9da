package org.cusax.sandbox.xmpp.pep;

import java.util.ArrayList;
import java.util.List;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.IgnoreFailureStrategy;
import org.apache.vysper.xmpp.modules.roster.Roster;
import org.apache.vysper.xmpp.modules.roster.RosterException;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManager;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.MessageStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends PEP event notifications (XEP-0163 §4.3, XEP-0060 §7.1.2.1) as {@code headline} messages from the
 * owner's bare JID: to the owner and to every contact that is subscribed to the owner's presence
 * (roster subscription {@code from} or {@code both}; the presence access model, §5). Simplification: every
 * available resource of such a contact gets it, whether or not it announced {@code +notify} (XEP-0115
 * capabilities are not tracked); clients without a listener ignore it. Headlines are not stored offline.
 * When a session sends its first available presence, it gets the last item of every node of the
 * contacts it is subscribed to (XEP-0163 §6.1.1 "last published item"), see {@link PepPresenceHandler}.
 */
final class PepNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(PepNotifier.class);

    private PepNotifier() {
    }

    static void notify(ServerRuntimeContext server, Entity owner, String node, PepItem item) {
        for (Entity to : recipients(server, owner.getBareJID())) {
            send(server, owner, to, node, item);
        }
    }

    /** Sends the last item of each node of the owner and of every contact it is subscribed to, to {@code to}. */
    static void lastItems(ServerRuntimeContext server, PepStore store, Entity to, SessionContext session) {
        List<Entity> owners = new ArrayList<>(List.of(to.getBareJID()));
        for (RosterItem item : roster(server, to.getBareJID())) {
            if (item.getSubscriptionType().includesTo()) {
                owners.add(item.getJid().getBareJID());
            }
        }
        for (Entity owner : owners) {
            // straight onto the session, in order: before the answer to anything the client sends after its
            // presence (a client may take a ping's answer as the end of the burst), as Prosody does
            store.nodes(owner).forEach((node, item) -> session.getResponseWriter().write(event(owner, to, node, item)));
        }
    }

    private static Stanza event(Entity owner, Entity to, String node, PepItem item) {
        return StanzaBuilder.createMessageStanza(owner.getBareJID(), to, MessageStanzaType.HEADLINE, null, null)
                .startInnerElement("event", NamespaceURIs.XEP0060_PUBSUB_EVENT)
                .startInnerElement("items", NamespaceURIs.XEP0060_PUBSUB_EVENT).addAttribute("node", node)
                .startInnerElement("item", NamespaceURIs.XEP0060_PUBSUB_EVENT).addAttribute("id", item.id())
                .addPreparedElement(item.payload())
                .endInnerElement().endInnerElement().endInnerElement().build();
    }

    private static void send(ServerRuntimeContext server, Entity owner, Entity to, String node, PepItem item) {
        Stanza event = event(owner, to, node, item);
        try {
            server.getStanzaRelay().relay(to, event, IgnoreFailureStrategy.IGNORE_FAILURE_STRATEGY);
        } catch (DeliveryException e) {
            LOG.debug("PEP notification of {} to {} not delivered: {}", node, to, e.toString());
        }
    }

    /** The owner and its contacts with a presence subscription to it. */
    static List<Entity> recipients(ServerRuntimeContext server, Entity owner) {
        List<Entity> result = new ArrayList<>(List.of(owner));
        for (RosterItem item : roster(server, owner)) {
            if (item.getSubscriptionType().includesFrom()) {
                result.add(item.getJid().getBareJID());
            }
        }
        return result;
    }

    /** Whether {@code requester} may see {@code owner}'s PEP items: itself, or subscribed to its presence. */
    static boolean mayRead(ServerRuntimeContext server, Entity owner, Entity requester) {
        if (owner.getBareJID().equals(requester.getBareJID())) {
            return true;
        }
        for (RosterItem item : roster(server, owner)) {
            if (item.getJid().getBareJID().equals(requester.getBareJID()) && item.getSubscriptionType().includesFrom()) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<RosterItem> roster(ServerRuntimeContext server, Entity owner) {
        RosterManager rosters = (RosterManager) server.getStorageProvider(RosterManager.class);
        if (rosters == null) {
            return List.of();
        }
        try {
            Roster roster = rosters.retrieve(owner.getBareJID());
            return roster == null ? List.of() : roster;
        } catch (RosterException e) {
            LOG.warn("cannot read the roster of {}: {}", owner, e.toString());
            return List.of();
        }
    }
}
