package org.cusax.it.support;

import org.cusax.xmpp.vcardtemp.VCardTelManager;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jivesoftware.smackx.vcardtemp.provider.VCardProvider;

/**
 * Smack's providers are process-wide, and our XMPP adapter replaces Smack's vcard-temp provider with its
 * own (it reads every TEL). A test that plays a stock Smack client ({@code VCardManager}) in the same JVM
 * puts Smack's provider back for its duration and ours again afterwards; otherwise it depends on which
 * test ran before it.
 */
public final class StockVCardProvider implements AutoCloseable {
    private StockVCardProvider() {
    }

    /** Smack's own vcard-temp provider until {@link #close()}. */
    public static StockVCardProvider install() {
        ProviderManager.addIQProvider(VCard.ELEMENT, VCard.NAMESPACE, new VCardProvider());
        return new StockVCardProvider();
    }

    @Override
    public void close() {
        VCardTelManager.registerProviders();
    }
}
