package org.cusax.xmpp.vcard4;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.connection.PendingReplies;
import org.cusax.xmpp.pep.OrderedPepEvents;
import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcard4.provider.VCard4Provider;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.pubsub.GetItemsRequest;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubElementType;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jxmpp.jid.BareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * vCard4 over XMPP (XEP-0292): fetches the last item of a contact's {@value VCard4Element#NODE} PEP node
 * without waiting (XEP-0060 §6.5.7, {@code max_items='1'}), and follows changes by announcing
 * {@code urn:xmpp:vcard4+notify} (XEP-0163 §4), so the server pushes every new vCard4 of our contacts,
 * and the current one when we come online.
 */
public final class VCard4Manager {
    private static final Logger LOG = LoggerFactory.getLogger(VCard4Manager.class);
    private final XMPPConnection connection;
    private final PendingReplies replies;

    /** @param replies the connection's requests awaiting their reply (one listener, replies found by id) */
    public VCard4Manager(XMPPConnection connection, PendingReplies replies) {
        this.connection = connection;
        this.replies = replies;
    }

    /** Registers our xCard provider with Smack (process-wide). Idempotent. */
    public static void registerProviders() {
        ProviderManager.addExtensionProvider(VCard4Element.ELEMENT, VCard4Element.NAMESPACE, VCard4Provider.INSTANCE);
    }

    /** {@code <pubsub><items node='urn:xmpp:vcard4' max_items='1'/></pubsub>} to the contact. */
    public static PubSub request(BareJid contact) {
        return PubSub.createPubsubPacket(contact, IQ.Type.get, new GetItemsRequest(VCard4Element.NODE, 1));
    }

    /**
     * Sends the items request and returns at once. Completes with the vCard4 (empty when the node has no
     * item), or exceptionally with Smack's exception (item-not-found when the contact has no such node).
     */
    public CompletableFuture<Optional<VCard4Element>> fetch(BareJid contact) {
        return replies.request(request(contact)).thenApply(VCard4Manager::vcard);
    }

    static Optional<VCard4Element> vcard(IQ result) {
        if (!(result instanceof PubSub pubsub)) {
            return Optional.empty();
        }
        ItemsExtension items = pubsub.getExtension(PubSubElementType.ITEMS);
        if (items == null) {
            return Optional.empty();
        }
        VCard4Element last = null;
        for (Object item : items.getItems()) {
            if (item instanceof PayloadItem<?> p && p.getPayload() instanceof VCard4Element v) {
                last = v;
            } else if (item instanceof Item) {
                LOG.debug("a vCard4 item without a readable xCard");
            }
        }
        return Optional.ofNullable(last);
    }

    /** Calls {@code listener} with (contact bare JID, vCard4) for every vCard4 PEP notification; adds +notify. */
    public Runnable follow(BiConsumer<BareJid, VCard4Element> listener) {
        return OrderedPepEvents.follow(connection, VCard4Element.NODE, VCard4Element.class, listener);
    }

    /** The tels as the core takes them: value and TYPE values, raw. */
    public static List<RawTel> rawTels(VCard4Element vcard) {
        return vcard.tels().stream().map(t -> new RawTel(t.value(), t.types())).toList();
    }
}
