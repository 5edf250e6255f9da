package org.cusax.xmpp.reach;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.pep.OrderedPepEvents;
import org.cusax.xmpp.reach.element.ReachAddress;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.reach.provider.ReachProvider;
import org.cusax.xmpp.util.Futures;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jxmpp.jid.BareJid;

/**
 * XEP-0152 on one connection: our own reachability in every available presence we send (§3) and in our
 * PEP node {@value ReachElement#NODE} (§4); contacts' reachability from PEP notifications
 * ({@code urn:xmpp:reach:0+notify}). Contacts' presence reachability is read by the caller from the
 * presences it already tracks ({@link #fromPresence}, {@link PresenceReach}).
 */
public final class ReachManager {
    /** Only these schemes are passed to the core: the addresses a SIP phone can call. */
    public static final Set<String> CALLABLE_SCHEMES = Set.of("sip", "sips", "tel");
    /** Item id of our published reachability: one current item replaces the previous one. */
    public static final String ITEM_ID = "current";

    private final XMPPConnection connection;

    public ReachManager(XMPPConnection connection) {
        this.connection = connection;
    }

    /** Registers our provider with Smack (process-wide), for presence extensions and PEP payloads. Idempotent. */
    public static void registerProviders() {
        ProviderManager.addExtensionProvider(ReachElement.ELEMENT, ReachElement.NAMESPACE, ReachProvider.INSTANCE);
    }

    /** Adds {@code own} to every available presence this connection sends from now on. */
    public void announceInPresence(ReachElement own) {
        connection.addPresenceInterceptor(builder -> builder.overrideExtension(own),
                presence -> presence.getType() == Presence.Type.available);
    }

    /**
     * Publishes {@code own} to our PEP node (XEP-0163 §3, auto-created) without waiting; the future
     * completes with the server's answer.
     */
    public CompletableFuture<IQ> publish(ReachElement own) {
        PubSub publish = PubSub.createPubsubPacket(null, IQ.Type.set,
                new PublishItem<>(ReachElement.NODE, new PayloadItem<>(ITEM_ID, own)));
        return Futures.of(connection.sendIqRequestAsync(publish));
    }

    /** Calls {@code listener} with (contact, reachability) for every PEP notification; adds +notify. */
    public Runnable follow(BiConsumer<BareJid, ReachElement> listener) {
        return OrderedPepEvents.follow(connection, ReachElement.NODE, ReachElement.class, listener);
    }

    /** The reachability element of a presence, if it carries one. */
    public static Optional<ReachElement> fromPresence(Presence presence) {
        return Optional.ofNullable(presence.getExtension(ReachElement.class));
    }

    /** The callable addresses (sip:, sips:, tel:) as raw tels without types; other schemes are skipped. */
    public static List<RawTel> callable(ReachElement reach) {
        return reach.addresses().stream()
                .filter(a -> CALLABLE_SCHEMES.contains(a.scheme()))
                .map(ReachAddress::uri)
                .distinct()
                .map(RawTel::of)
                .toList();
    }

    /** Our own reachability element for a SIP address-of-record; empty if it is not a sip:/sips:/tel: URI. */
    public static Optional<ReachElement> own(String sipAor) {
        try {
            ReachAddress a = ReachAddress.of(sipAor);
            return CALLABLE_SCHEMES.contains(a.scheme().toLowerCase(Locale.ROOT))
                    ? Optional.of(new ReachElement(List.of(a))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
