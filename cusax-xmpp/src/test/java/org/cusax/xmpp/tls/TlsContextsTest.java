package org.cusax.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.testing.TestPki;
import org.cusax.xmpp.testing.TlsHandshakes;
import org.junit.jupiter.api.Test;

/**
 * The client TLS context: trust anchors, protocol versions and the server-name check during the
 * handshake (RFC 6120 §5.4.3.1, §13.7.2; RFC 6125 §6.4 DNS-ID), plus the negotiated session record.
 */
class TlsContextsTest {
    private final TestPki pki = TestPki.get();

    private SecuritySettings trusting(Path ca, String minimum) {
        return new SecuritySettings(Optional.of(ca), Optional.empty(), minimum, true);
    }

    private static SSLSession handshake(SSLContext client, String serverCert, String domain, String... protocols)
            throws Exception {
        return TlsHandshakes.handshake(client, serverCert, domain, protocols);
    }

    @Test
    void trustedCertificateForTheDomainIsAccepted() throws Exception {
        TlsSessionObserver observer = new TlsSessionObserver();
        SSLContext ctx = TlsContexts.forAccount(trusting(pki.caPem(), "TLSv1.2"), observer);
        SSLSession session = handshake(ctx, "cusax.test", "cusax.test");
        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getPeerPrincipal().getName()).isEqualTo("CN=cusax.test");
    }

    @Test
    void observerReportsTheNegotiatedProtocolAndCipher() throws Exception {
        TlsSessionObserver observer = new TlsSessionObserver();
        SSLContext ctx = TlsContexts.forAccount(trusting(pki.caPem(), "TLSv1.2"), observer);
        SSLContext server = pki.serverContext("cusax.test");
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setEnabledProtocols(new String[] {"TLSv1.2"});
            Thread acceptor = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // closed by the client
                }
            });
            acceptor.start();
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort());
                 SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, "cusax.test", 0, true)) {
                tls.startHandshake();
                SSLSession seen = observer.session().orElseThrow();
                assertThat(seen.getProtocol()).isEqualTo("TLSv1.2");
                assertThat(seen.getCipherSuite()).isEqualTo(tls.getSession().getCipherSuite()).startsWith("TLS_");
            }
            acceptor.join(5000);
        }
    }

    @Test
    void certificateForAnotherHostIsRefusedDuringTheHandshake() throws Exception {
        SSLContext ctx = TlsContexts.forAccount(trusting(pki.caPem(), "TLSv1.2"), new TlsSessionObserver());
        assertThatThrownBy(() -> handshake(ctx, "wrong.test", "cusax.test"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("No subject alternative DNS name matching cusax.test");
    }

    @Test
    void certificateFromAnUntrustedCaIsRefused() throws Exception {
        SSLContext ctx = TlsContexts.forAccount(trusting(pki.caPem(), "TLSv1.2"), new TlsSessionObserver());
        assertThatThrownBy(() -> handshake(ctx, "untrusted", "cusax.test"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("PKIX path building failed");
    }

    @Test
    void systemTrustStoreDoesNotTrustOurTestCa() throws Exception {
        SSLContext ctx = TlsContexts.forAccount(SecuritySettings.defaults(), new TlsSessionObserver());
        assertThatThrownBy(() -> handshake(ctx, "cusax.test", "cusax.test"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void minimumTls13RefusesATls12OnlyServer() throws Exception {
        SSLContext ctx = TlsContexts.forAccount(trusting(pki.caPem(), "TLSv1.3"), new TlsSessionObserver());
        assertThatThrownBy(() -> handshake(ctx, "cusax.test", "cusax.test", "TLSv1.2"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void reinitialisingTheContextKeepsOurTrustAnchors() throws Exception {
        // Smack 4.4.8 calls init() on a custom SSL context with its own (default) trust managers.
        SSLContext ctx = TlsContexts.forAccount(trusting(pki.caPem(), "TLSv1.2"), new TlsSessionObserver());
        ctx.init(null, null, null);
        assertThat(handshake(ctx, "cusax.test", "cusax.test").getProtocol()).isEqualTo("TLSv1.3");
    }
}
