package org.cusax.xmpp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;

/**
 * Keeps call features out of our disco#info (and so out of our XEP-0115 caps hash). Smack 4.4.8 adds
 * none by default, but any manager created later (e.g. a Jingle manager from smack-extensions) would,
 * so this runs again at every login, before presence (which carries the caps) is sent.
 */
public final class CallingFeatures {
    /** Namespace prefixes of XMPP calling: Jingle and its apps/transports, and Google Talk voice/video. */
    static final List<String> CALL_PREFIXES = List.of(
            "urn:xmpp:jingle",              // XEP-0166 and every urn:xmpp:jingle:* app/transport, jingle-message
            "http://jabber.org/protocol/jingle", // pre-2009 Jingle namespaces
            "urn:ietf:rfc:3264",            // XEP-0167 offer/answer marker
            "urn:ietf:rfc:5888",            // XEP-0338 bundle grouping
            "urn:ietf:rfc:5576",            // XEP-0339 source-specific media
            "http://www.google.com/xmpp/protocol/voice",
            "http://www.google.com/xmpp/protocol/video",
            "http://www.google.com/xmpp/protocol/camera",
            "http://www.google.com/session");

    private CallingFeatures() {
    }

    /** Whether a disco#info feature announces the ability to place or receive XMPP calls. */
    public static boolean isCallingFeature(String feature) {
        String f = feature.toLowerCase(Locale.ROOT);
        return CALL_PREFIXES.stream().anyMatch(f::startsWith);
    }

    /**
     * Removes every calling feature from {@code disco}.
     *
     * @return the features removed (usually none)
     */
    public static List<String> strip(ServiceDiscoveryManager disco) {
        List<String> removed = new ArrayList<>();
        for (String feature : disco.getFeatures()) {
            if (isCallingFeature(feature)) {
                disco.removeFeature(feature);
                removed.add(feature);
            }
        }
        return removed;
    }
}
