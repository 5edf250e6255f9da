package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.testing.TestPki;
import org.cusax.core.tls.TrustStores;
import org.cusax.xmpp.testing.TlsHandshakes;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

/** Smack's per-connection configuration: STARTTLS (RFC 6120 §5), SASL (§6), certificate name (§13.7.2). */
class ConnectionConfigFactoryTest {
    private final TestPki pki = TestPki.get();

    private Account account(String host, String minTls, boolean requireTls) {
        return new Account(Protocol.XMPP, "alice@cusax.test", "alice", Secret.of("s3cret-pw"), "cusax.test",
                new ServerEndpoint(host, 5222, Transport.TCP),
                new SecuritySettings(Optional.of(pki.caPem()), Optional.empty(), minTls, requireTls),
                Features.chatDefaults());
    }

    private XMPPTCPConnectionConfiguration build(Account account, XmppSettings settings) throws Exception {
        return ConnectionConfigFactory.build(account, settings,
                TlsContexts.forAccount(account.security(), new TlsSessionObserver()));
    }

    private static XmppSettings plainAllowed(boolean allow) {
        XmppSettings d = XmppSettings.defaults();
        return new XmppSettings(d.resource(), allow, d.connectTimeout(), d.replyTimeout(), d.streamManagement());
    }

    @Test
    void startTlsIsRequiredWithTheConfiguredVersions() throws Exception {
        XMPPTCPConnectionConfiguration c = build(account("127.0.0.1", "TLSv1.2", true), XmppSettings.defaults());
        assertThat(c.getSecurityMode()).isEqualTo(SecurityMode.required);
        assertThat(c.getEnabledSSLProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(build(account("127.0.0.1", "TLSv1.3", true), XmppSettings.defaults()).getEnabledSSLProtocols())
                .containsExactly("TLSv1.3");
    }

    @Test
    void tlsIsStillUsedWhenOfferedIfTheAccountDoesNotRequireIt() throws Exception {
        assertThat(build(account("127.0.0.1", "TLSv1.2", false), XmppSettings.defaults()).getSecurityMode())
                .isEqualTo(SecurityMode.ifpossible);
    }

    @Test
    void onlyScramIsEnabledByDefault() throws Exception {
        XMPPTCPConnectionConfiguration c = build(account("127.0.0.1", "TLSv1.2", true), XmppSettings.defaults());
        assertThat(c.getEnabledSaslMechanisms()).containsExactly("SCRAM-SHA-1");
        assertThat(c.isEnabledSaslMechanism("PLAIN")).isFalse();
        assertThat(c.isEnabledSaslMechanism("DIGEST-MD5")).isFalse();
        assertThat(c.isEnabledSaslMechanism("X-OAUTH2")).isFalse();
        assertThat(c.isEnabledSaslMechanism("ANONYMOUS")).isFalse();
    }

    @Test
    void plainOnlyWhenAllowedAndInsideRequiredTls() throws Exception {
        assertThat(build(account("127.0.0.1", "TLSv1.2", true), plainAllowed(true)).getEnabledSaslMechanisms())
                .containsExactlyInAnyOrder("SCRAM-SHA-1", "PLAIN");
        assertThat(build(account("127.0.0.1", "TLSv1.2", false), plainAllowed(true)).getEnabledSaslMechanisms())
                .containsExactly("SCRAM-SHA-1");
    }

    @Test
    void ipAddressIsUsedAsIsAndTheDomainStaysTheXmppDomain() throws Exception {
        XMPPTCPConnectionConfiguration c = build(account("127.0.0.1", "TLSv1.2", true), XmppSettings.defaults());
        assertThat(c.getXMPPServiceDomain().toString()).isEqualTo("cusax.test");
        assertThat(c.getHostAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(c.getPort().intValue()).isEqualTo(5222);
        XMPPTCPConnectionConfiguration named = build(account("xmpp.cusax.test", "TLSv1.2", true), XmppSettings.defaults());
        assertThat(named.getHost().toString()).isEqualTo("xmpp.cusax.test");
        assertThat(named.getHostAddress()).isNull();
    }

    @Test
    void socketsHaveNagleSwitchedOff() throws Exception {
        XMPPTCPConnectionConfiguration c = build(account("127.0.0.1", "TLSv1.2", true), XmppSettings.defaults());
        assertThat(c.getSocketFactory()).isInstanceOf(TcpNoDelaySocketFactory.class);
        try (Socket s = c.getSocketFactory().createSocket()) {
            assertThat(s.getTcpNoDelay()).isTrue();
            assertThat(s.getKeepAlive()).isTrue();
        }
    }

    @Test
    void noPresenceNoCompressionNoDebuggerEvenWhenSmackDebugIsOn() throws Exception {
        boolean before = SmackConfiguration.DEBUG;
        SmackConfiguration.DEBUG = true;
        try {
            XMPPTCPConnectionConfiguration c = build(account("127.0.0.1", "TLSv1.2", true), XmppSettings.defaults());
            assertThat(c.getDebuggerFactory()).isNull();
            assertThat(c.isSendPresence()).isFalse();
            assertThat(c.isCompressionEnabled()).isFalse();
        } finally {
            SmackConfiguration.DEBUG = before;
        }
    }

    @Test
    void hostnameVerifierIsSetAndRefusesACertificateForAnotherHost() throws Exception {
        XMPPTCPConnectionConfiguration c = build(account("127.0.0.1", "TLSv1.2", true), XmppSettings.defaults());
        assertThat(c.getHostnameVerifier()).isInstanceOf(XmppHostnameVerifier.class);
        // A context that trusts our CA but does not check names itself, so that only the verifier decides.
        SSLContext noNameCheck = SSLContext.getInstance("TLS");
        noNameCheck.init(null, new TrustManager[] {TrustStores.trustManager(account("h", "TLSv1.2", true).security())},
                null);
        assertThat(c.getHostnameVerifier().verify("cusax.test",
                TlsHandshakes.handshake(noNameCheck, "wrong.test", "cusax.test"))).isFalse();
        assertThat(c.getHostnameVerifier().verify("cusax.test",
                TlsHandshakes.handshake(noNameCheck, "cusax.test", "cusax.test"))).isTrue();
    }

    @Test
    void invalidResourceIsAClearConfigurationError() {
        XmppSettings bad = new XmppSettings("r".repeat(2000), false, XmppSettings.defaults().connectTimeout(),
                XmppSettings.defaults().replyTimeout(), true);
        assertThatThrownBy(() -> build(account("127.0.0.1", "TLSv1.2", true), bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid XMPP resource");
    }
}
