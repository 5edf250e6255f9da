package org.cusax.xmpp.pep;

import java.util.function.BiConsumer;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.jidtype.FromJidTypeFilter;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pubsub.EventElement;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.filter.EventItemsExtensionFilter;
import org.jxmpp.jid.BareJid;

/**
 * PEP notifications of one node (XEP-0163 §4.3), handed to a listener in the order the stanzas arrived, on
 * Smack's ordered listener queue, together with every other synchronous stanza listener and reply of the
 * connection. Smack's {@code PepManager} hands each notification on to a second, per-sender executor: a
 * notification could then still be on its way after a later stanza (the answer to the ping that ends the
 * presence burst, XEP-0163 §6.1.1) was handled, and a contact's vCard4 taken as missing. Announces
 * {@code <node>+notify} in our capabilities (XEP-0163 §4) while followed.
 */
public final class OrderedPepEvents {
    private static final StanzaFilter EVENTS = new AndFilter(MessageTypeFilter.NORMAL_OR_HEADLINE,
            FromJidTypeFilter.ENTITY_BARE_JID, EventItemsExtensionFilter.INSTANCE);

    private OrderedPepEvents() {
    }

    /**
     * Calls {@code listener} with (publisher's bare JID, payload) for every item of {@code node} whose payload
     * is a {@code type}, in stream order. Returns what stops following (listener off, +notify withdrawn).
     */
    public static <E extends ExtensionElement> Runnable follow(XMPPConnection connection, String node, Class<E> type,
            BiConsumer<BareJid, E> listener) {
        StanzaListener events = stanza -> {
            EventElement event = EventElement.from(stanza);
            if (event != null && event.getEvent() instanceof ItemsExtension items && node.equals(items.getNode())) {
                BareJid from = stanza.getFrom().asBareJid();
                for (Object item : items.getItems()) {
                    if (item instanceof PayloadItem<?> p && type.isInstance(p.getPayload())) {
                        listener.accept(from, type.cast(p.getPayload()));
                    }
                }
            }
        };
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        String notify = node + "+notify";
        disco.addFeature(notify);
        connection.addSyncStanzaListener(events, EVENTS);
        return () -> {
            connection.removeSyncStanzaListener(events);
            disco.removeFeature(notify);
        };
    }
}
