package org.cusax.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.cusax.core.account.SecuritySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 5922 §7 and RFC 5630 §3 on a real handshake: our policy accepts the right server, and refuses a
 * certificate for another host, an untrusted one and an outdated protocol, saying why.
 */
class TlsPolicyTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir,
                "good", "CN=cusax.test", "san=dns:cusax.test",
                "otherHost", "CN=other.test", "san=dns:other.test");
    }

    private static TlsPolicy policy(String trustAlias, String minimum) throws Exception {
        return TlsPolicy.create(new SecuritySettings(Optional.of(certs.pem(trustAlias)), Optional.empty(), minimum, true),
                "cusax.test");
    }

    /** Handshakes with a one-shot server presenting {@code serverAlias} and speaking {@code serverProtocols}. */
    private static SSLSocket handshake(TlsPolicy policy, String serverAlias, String... serverProtocols) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) certs.serverContext(serverAlias).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(serverProtocols);
            Thread t = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the client side asserts
                }
            });
            t.setDaemon(true);
            t.start();
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            SSLSocket s = policy.secure(plain, server.getLocalPort());
            try {
                s.startHandshake();
                return s;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }
    }

    @Test
    void acceptsTheRightServerWithModernTls() throws Exception {
        TlsPolicy policy = policy("good", "TLSv1.2");
        try (SSLSocket s = handshake(policy, "good", "TLSv1.2", "TLSv1.3")) {
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        assertThat(policy.certificateProblem()).isEmpty();
    }

    @Test
    void refusesACertificateForAnotherHost() throws Exception {
        TlsPolicy policy = TlsPolicy.create(new SecuritySettings(Optional.of(bothTrusted()), Optional.empty(), "TLSv1.2",
                true), "cusax.test");
        assertThatThrownBy(() -> handshake(policy, "otherHost", "TLSv1.3")).isInstanceOf(IOException.class);
        assertThat(policy.certificateProblem())
                .contains("the SIP server certificate is not valid for cusax.test (it is for other.test)");
    }

    @Test
    void refusesAnUntrustedCertificate() throws Exception {
        TlsPolicy policy = policy("otherHost", "TLSv1.2");
        assertThatThrownBy(() -> handshake(policy, "good", "TLSv1.3")).isInstanceOf(IOException.class);
        assertThat(policy.certificateProblem()).hasValueSatisfying(p -> assertThat(p).contains("is not trusted"));
    }

    @Test
    void refusesAServerBelowTheMinimumVersion() throws Exception {
        TlsPolicy policy = policy("good", "TLSv1.3");
        assertThat(policy.protocols()).containsExactly("TLSv1.3");
        assertThatThrownBy(() -> handshake(policy, "good", "TLSv1.2")).isInstanceOf(IOException.class);
        assertThat(policy.certificateProblem()).isEmpty();
    }

    @Test
    void unreadableTrustStoreIsAClearSetupError() {
        assertThatThrownBy(() -> TlsPolicy.create(new SecuritySettings(Optional.of(dir.resolve("missing.pem")),
                Optional.empty(), "TLSv1.2", true), "cusax.test"))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("missing.pem");
    }

    private static Path bothTrusted() throws Exception {
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(certs.pem("good")) + Files.readString(certs.pem("otherHost")));
        return both;
    }
}
