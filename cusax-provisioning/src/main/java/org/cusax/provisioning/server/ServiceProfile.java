package org.cusax.provisioning.server;

import java.util.Locale;
import java.util.Set;

/**
 * What the provider runs, the same for every user of the service: where each half's server is, how it is
 * secured, and the RFC 7081 §2 service policy. The provisioning document combines it with one user.
 *
 * @param xmppHost           XMPP server host (empty = the user's domain)
 * @param xmppPort           XMPP client port
 * @param sipHost            SIP outbound proxy / registrar (empty = the AOR's domain)
 * @param sipPort            SIP port (0 = the transport's default)
 * @param sipTransport       udp, tcp or tls (tls makes the client require SRTP)
 * @param chatAfterTelephony connect Chat only once Telephony is registered
 * @param allOrNothing       stay disconnected unless both halves connect
 * @param defaultRegion      region for national numbers in contacts (empty = the client's locale)
 */
public record ServiceProfile(String xmppHost, int xmppPort, String sipHost, int sipPort, String sipTransport,
        boolean chatAfterTelephony, boolean allOrNothing, String defaultRegion) {
    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp", "tls");

    public ServiceProfile {
        xmppHost = xmppHost == null ? "" : xmppHost.strip();
        sipHost = sipHost == null ? "" : sipHost.strip();
        sipTransport = sipTransport.toLowerCase(Locale.ROOT);
        defaultRegion = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!TRANSPORTS.contains(sipTransport)) {
            throw new IllegalArgumentException("SIP transport must be udp, tcp or tls, got '" + sipTransport + "'");
        }
        if (xmppPort < 1 || xmppPort > 65535 || sipPort < 0 || sipPort > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
    }

    /** The secure default: servers at the user's domain, SIP over TLS on 5061, both policies off. */
    public static ServiceProfile secureDefaults() {
        return new ServiceProfile("", 5222, "", 5061, "tls", false, false, "");
    }
}
