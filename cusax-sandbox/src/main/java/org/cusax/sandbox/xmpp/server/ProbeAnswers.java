package org.cusax.sandbox.xmpp.server;

import java.util.List;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.IgnoreFailureStrategy;
import org.apache.vysper.xmpp.modules.roster.RosterException;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManager;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.stanza.PresenceStanza;
import org.apache.vysper.xmpp.stanza.PresenceStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.apache.vysper.xmpp.state.presence.LatestPresenceCache;
import org.apache.vysper.xmpp.state.presence.PresenceCachingException;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers presence probes to local accounts (RFC 6121 §4.3.2) with the current presence of each
 * available resource, sent from that resource's full JID. Vysper 0.7 answers from the bare JID, so a
 * client records a second, resource-less "available" that the contact's later {@code unavailable} (from
 * its full JID) never clears: the contact would look online forever.
 */
final class ProbeAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeAnswers.class);

    private ProbeAnswers() {
    }

    /** Whether {@code stanza} is a probe to a local account that this class answers. */
    static boolean isProbe(Stanza stanza, Entity serverEntity) {
        Entity to = stanza.getTo();
        return "presence".equals(stanza.getName()) && PresenceStanzaType.PROBE.value().equals(stanza.getAttributeValue("type"))
                && to != null && to.isNodeSet() && !to.isResourceSet() && serverEntity.getDomain().equals(to.getDomain())
                && stanza.getFrom() != null;
    }

    static void answer(ServerRuntimeContext server, StanzaRelay relay, Stanza probe) {
        Entity contact = probe.getTo().getBareJID();
        Entity prober = probe.getFrom();
        if (!subscribed(server, contact, prober)) {
            send(relay, prober, StanzaBuilder.createPresenceStanza(contact, prober, null, PresenceStanzaType.UNSUBSCRIBED,
                    null, null).build());
            return;
        }
        LatestPresenceCache cache = server.getPresenceCache();
        int sent = 0;
        ResourceRegistry registry = server.getResourceRegistry();
        // getAvailableResources fails for an account without any bound resource: ask for bound ones first.
        List<String> available = registry.getBoundResources(contact, true).isEmpty() ? List.of()
                : registry.getAvailableResources(contact);
        for (String resource : available) {
            Entity full = new EntityImpl(contact, resource);
            PresenceStanza latest;
            try {
                latest = cache.get(full);
            } catch (PresenceCachingException e) {
                latest = null;
            }
            if (latest != null) {
                StanzaBuilder b = StanzaBuilder.createPresenceStanza(full, prober, null, null, null, null);
                for (XMLElement inner : latest.getInnerElements()) {
                    b.addPreparedElement(inner);
                }
                send(relay, prober, b.build());
                sent++;
            }
        }
        if (sent == 0) {
            send(relay, prober, StanzaBuilder.createPresenceStanza(contact, prober, null, PresenceStanzaType.UNAVAILABLE,
                    null, null).build());
        }
    }

    private static boolean subscribed(ServerRuntimeContext server, Entity contact, Entity prober) {
        RosterManager rosters = (RosterManager) server.getStorageProvider(RosterManager.class);
        try {
            RosterItem item = rosters == null ? null : rosters.getContact(contact, prober.getBareJID());
            return item != null && item.getSubscriptionType().includesFrom();
        } catch (RosterException e) {
            return false;
        }
    }

    private static void send(StanzaRelay relay, Entity to, Stanza stanza) {
        try {
            relay.relay(to, stanza, IgnoreFailureStrategy.IGNORE_FAILURE_STRATEGY);
        } catch (DeliveryException e) {
            LOG.debug("probe answer to {} not delivered: {}", to, e.toString());
        }
    }

}
