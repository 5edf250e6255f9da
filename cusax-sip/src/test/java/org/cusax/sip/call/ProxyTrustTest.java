package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/**
 * RFC 3325 §4 (P-Asserted-Identity only from a trusted element over a secured connection) with RFC 5922
 * (the proxy's certificate verified for the domain): which requests' asserted identity is believed.
 */
class ProxyTrustTest {
    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress PROXY_TLS = new InetSocketAddress(PROXY, 5061);
    private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.9", 5061);

    private static SSLSession someSession() throws Exception {
        return SSLContext.getDefault().createSSLEngine().getSession();
    }

    @Test
    void overTlsOnlyOurVerifiedConnectionToTheProxyCounts() throws Exception {
        SSLSession session = someSession();
        ProxyTrust trust = new ProxyTrust(Set.of(PROXY), true, false, "cusax.test",
                remote -> remote.equals(PROXY_TLS) ? Optional.of(session) : Optional.empty());
        assertThat(trust.distrust(Optional.of(PROXY_TLS), "TLS")).isEmpty();
        assertThat(trust.distrust(Optional.of(new InetSocketAddress(PROXY, 40000)), "TLS")).get().asString()
                .contains("not on our TLS connection to the proxy").contains("cusax.test");
        assertThat(trust.distrust(Optional.of(new InetSocketAddress(PROXY, 5060)), "UDP")).get().asString()
                .contains("not over TLS");
        assertThat(trust.distrust(Optional.of(OTHER), "TLS")).get().asString().contains("not from the trusted proxy");
        assertThat(trust.distrust(Optional.empty(), "TLS")).isPresent();
    }

    @Test
    void withoutTlsTheSourceAddressCountsOnlyWhenConfigured() {
        ProxyTrust strict = new ProxyTrust(Set.of(PROXY), false, false, "cusax.test", r -> Optional.empty());
        assertThat(strict.distrust(Optional.of(new InetSocketAddress(PROXY, 5060)), "UDP")).get().asString()
                .contains("sip.trusted-proxy.by-address is false");
        ProxyTrust byAddress = new ProxyTrust(Set.of(PROXY), false, true, "cusax.test", r -> Optional.empty());
        assertThat(byAddress.distrust(Optional.of(new InetSocketAddress(PROXY, 5060)), "UDP")).isEmpty();
        assertThat(byAddress.distrust(Optional.of(new InetSocketAddress("127.0.0.9", 5060)), "TCP")).isPresent();
    }
}
