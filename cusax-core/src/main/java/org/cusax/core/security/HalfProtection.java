package org.cusax.core.security;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.service.Half;

/**
 * How one online half's signalling is actually protected.
 *
 * @param half     Chat or Telephony
 * @param channel  the protocol and transport in words, e.g. {@code SIP over UDP}, {@code XMPP}
 * @param security what the adapter measured on the connection
 */
public record HalfProtection(Half half, String channel, ChannelSecurity security) {

    public HalfProtection {
        if (half == null || channel == null || security == null) {
            throw new IllegalArgumentException("half, channel and security are required");
        }
    }

    /**
     * The order used to compare halves: 0 unencrypted, 1 TLS whose certificate was not verified for
     * a name, 2 TLS with the certificate verified. TLS versions at or above the configured minimum
     * (the handshake refuses anything lower) and the authentication mechanism do not change the rank.
     */
    public int strength() {
        if (!security.encrypted()) {
            return 0;
        }
        return security.verifiedIdentity().isPresent() ? 2 : 1;
    }

    /** E.g. "SIP over UDP (unencrypted, digest SHA-256)". */
    public String describe() {
        return channel + " (" + security.describe() + ")";
    }
}
