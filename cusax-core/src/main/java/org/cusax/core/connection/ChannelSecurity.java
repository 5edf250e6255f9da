package org.cusax.core.connection;

import java.util.Optional;

/**
 * How a half's connection to its server is protected.
 *
 * @param encrypted        the signalling runs over TLS
 * @param tlsProtocol      e.g. {@code TLSv1.3}, when encrypted
 * @param cipherSuite      the negotiated suite, when encrypted
 * @param verifiedIdentity the name the server certificate was verified for, when encrypted
 * @param authentication   how we authenticated (e.g. {@code SCRAM-SHA-1}, {@code digest SHA-256})
 */
public record ChannelSecurity(boolean encrypted, Optional<String> tlsProtocol, Optional<String> cipherSuite,
                              Optional<String> verifiedIdentity, Optional<String> authentication) {

    public ChannelSecurity {
        tlsProtocol = tlsProtocol == null ? Optional.empty() : tlsProtocol;
        cipherSuite = cipherSuite == null ? Optional.empty() : cipherSuite;
        verifiedIdentity = verifiedIdentity == null ? Optional.empty() : verifiedIdentity;
        authentication = authentication == null ? Optional.empty() : authentication;
    }

    /** Not connected yet: nothing to say. */
    public static ChannelSecurity unknown() {
        return new ChannelSecurity(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ChannelSecurity plain(String authentication) {
        return new ChannelSecurity(false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(authentication));
    }

    public static ChannelSecurity tls(String protocol, String cipherSuite, String verifiedIdentity,
                                      String authentication) {
        return new ChannelSecurity(true, Optional.ofNullable(protocol), Optional.ofNullable(cipherSuite),
                Optional.ofNullable(verifiedIdentity), Optional.ofNullable(authentication));
    }

    public ChannelSecurity withAuthentication(String mechanism) {
        return new ChannelSecurity(encrypted, tlsProtocol, cipherSuite, verifiedIdentity, Optional.ofNullable(mechanism));
    }

    /** The level used to compare the two halves: {@code tls} or {@code none}. */
    public SecurityLevel level() {
        return encrypted ? SecurityLevel.TLS : SecurityLevel.NONE;
    }

    /** One line for people, e.g. "TLSv1.3, certificate verified for example.com, SCRAM-SHA-1". */
    public String describe() {
        StringBuilder sb = new StringBuilder(encrypted ? tlsProtocol.orElse("TLS") : "unencrypted");
        verifiedIdentity.ifPresent(id -> sb.append(", certificate verified for ").append(id));
        authentication.ifPresent(a -> sb.append(", ").append(a));
        return sb.toString();
    }
}
