package org.cusax.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/** RFC 8446 §6.2 protocol_version, and the JDK's own refusal, named in terms of tls.min-version. */
class TlsVersionRefusalTest {
    @Test
    void aProtocolVersionAlertDeepInTheChainNamesTheMinimumAndTheRemedy() {
        Throwable failure = new IOException("connect failed",
                new SSLHandshakeException("Received fatal alert: protocol_version"));
        assertThat(TlsVersionRefusal.explain(failure, "the SIP server 127.0.0.1:5061", "TLSv1.3")).get()
                .asString()
                .startsWith("the SIP server 127.0.0.1:5061 offers no TLS version at or above the configured minimum")
                .contains("tls.min-version = TLSv1.3").contains("lower tls.min-version");
    }

    @Test
    void theJdksOwnRefusalCountsToo() {
        Throwable failure = new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)");
        assertThat(TlsVersionRefusal.explain(failure, "the XMPP server x", "TLSv1.2")).isPresent();
    }

    @Test
    void otherHandshakeFailuresAreNotAVersionProblem() {
        assertThat(TlsVersionRefusal.explain(new SSLHandshakeException("PKIX path building failed"), "s",
                "TLSv1.2")).isEmpty();
        assertThat(TlsVersionRefusal.explain(new SSLHandshakeException(null), "s", "TLSv1.2")).isEmpty();
    }
}
