package org.cusax.sip.call;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.net.ssl.SSLSession;

/**
 * Whose P-Asserted-Identity is believed (RFC 3325 §4: only from a trusted element over a connection secured
 * so that its identity is known). With SIP over TLS the request must come from the trusted proxy's address
 * over TLS, on a connection we opened to it whose certificate was verified for the service domain (RFC 5922,
 * checked at the handshake by our TLS policy; a connection someone else opened to us proves nothing). Over UDP
 * or TCP there is no peer identity: the source address counts only if {@code sip.trusted-proxy.by-address}.
 */
public final class ProxyTrust {
    private final Set<InetAddress> addresses;
    private final boolean overTls;
    private final boolean byAddress;
    private final String identity;
    private final Function<InetSocketAddress, Optional<SSLSession>> verifiedSessions;

    /**
     * @param addresses        the trusted proxy's addresses
     * @param overTls          our SIP runs over TLS
     * @param byAddress        over UDP/TCP, believe the source address alone
     * @param identity         the name the proxy's certificate is verified for (the service domain)
     * @param verifiedSessions the TLS session of our connection to a remote address, if we opened one
     */
    public ProxyTrust(Set<InetAddress> addresses, boolean overTls, boolean byAddress, String identity,
                      Function<InetSocketAddress, Optional<SSLSession>> verifiedSessions) {
        this.addresses = Set.copyOf(addresses);
        this.overTls = overTls;
        this.byAddress = byAddress;
        this.identity = identity;
        this.verifiedSessions = verifiedSessions;
    }

    /** Trusts the source address alone, whatever the transport (tests, and the previous behaviour). */
    public static ProxyTrust byAddress(Set<InetAddress> addresses) {
        return new ProxyTrust(addresses, false, true, "", a -> Optional.empty());
    }

    /** Why a P-Asserted-Identity from {@code source} over {@code transport} is not believed; empty = it is. */
    public Optional<String> distrust(Optional<InetSocketAddress> source, String transport) {
        if (source.isEmpty() || !addresses.contains(source.get().getAddress())) {
            return Optional.of("not from the trusted proxy (" + source.map(Object::toString).orElse("?") + ")");
        }
        boolean tls = transport != null && transport.toUpperCase(Locale.ROOT).equals("TLS");
        if (overTls) {
            if (!tls) {
                return Optional.of("came over " + transport + ", not over TLS");
            }
            if (verifiedSessions.apply(source.get()).isEmpty()) {
                return Optional.of("not on our TLS connection to the proxy, whose certificate was verified for "
                        + identity);
            }
            return Optional.empty();
        }
        if (!tls && !byAddress) {
            return Optional.of("SIP over " + transport + " carries no peer identity and "
                    + "sip.trusted-proxy.by-address is false");
        }
        return Optional.empty();
    }
}
