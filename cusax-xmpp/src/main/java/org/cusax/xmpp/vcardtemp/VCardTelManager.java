package org.cusax.xmpp.vcardtemp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.connection.PendingReplies;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.cusax.xmpp.vcardtemp.element.VCardUpdate;
import org.cusax.xmpp.vcardtemp.provider.VCardTempProvider;
import org.cusax.xmpp.vcardtemp.provider.VCardUpdateProvider;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jxmpp.jid.BareJid;

/**
 * Fetches contacts' vcard-temp (XEP-0054 §3.1) without waiting for each reply, and turns the result into
 * raw TELs for the core. Reads the XEP-0153 photo hash of presences.
 */
public final class VCardTelManager {
    private final PendingReplies replies;

    /** @param replies the connection's requests awaiting their reply (one listener, replies found by id) */
    public VCardTelManager(PendingReplies replies) {
        this.replies = replies;
    }

    /**
     * Registers our providers with Smack, in place of Smack's own {@code VCardProvider} for
     * {@code vCard/vcard-temp} (Smack's providers are process-wide; this adapter does not use Smack's
     * {@code VCardManager}). Idempotent.
     */
    public static void registerProviders() {
        ProviderManager.addIQProvider(VCardTempIq.ELEMENT, VCardTempIq.NAMESPACE, VCardTempProvider.INSTANCE);
        ProviderManager.addExtensionProvider(VCardUpdate.ELEMENT, VCardUpdate.NAMESPACE, VCardUpdateProvider.INSTANCE);
    }

    /**
     * Sends {@code <vCard/>} get to {@code contact} and returns at once. Completes with the vCard, or
     * exceptionally with Smack's exception (an {@code XMPPErrorException} carries e.g. item-not-found).
     */
    public CompletableFuture<VCardTempIq> fetch(BareJid contact) {
        return replies.request(VCardTempIq.request(contact)).thenApply(VCardTelManager::vcard);
    }

    private static VCardTempIq vcard(IQ result) {
        // An empty result (no <vCard/> child) means an empty vCard; another provider's type means ours lost.
        return result instanceof VCardTempIq v ? v : VCardTempIq.unreadable();
    }

    /** The TELs as the core takes them: NUMBER and type element names, raw. */
    public static List<RawTel> rawTels(VCardTempIq vcard) {
        return vcard.tels().stream().map(t -> new RawTel(t.number(), t.types())).toList();
    }

    /**
     * The photo hash a presence advertises (XEP-0153 §3.2): "" for no photo; empty when the presence
     * carries no update element or the client is not ready to advertise.
     */
    public static Optional<String> advertisedPhoto(Presence presence) {
        VCardUpdate update = presence.getExtension(VCardUpdate.class);
        return update == null ? Optional.empty() : update.photo();
    }
}
