package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.EOFException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.cusax.core.account.Account;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.xmpp.testing.FakeXmppServer;
import org.cusax.core.testing.TestPki;
import org.cusax.xmpp.testing.XmppAccounts;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.cusax.xmpp.tls.TlsSetupException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * Which failures stop the Chat half for good and which are retried, and what the user is told
 * (RFC 6120 §4.9 stream errors, §5.4.3 STARTTLS, §6.5 SASL errors, §13.7.2 certificates).
 */
class FailureClassifierTest {
    private static final String PASSWORD = "pw-never-shown-42";
    private final FailureClassifier classifier = new FailureClassifier(new FailureClassifier.Context("cusax.test",
            "127.0.0.1:5222", "the trust store /etc/cusax/ca.pem", List.of("SCRAM-SHA-1")));

    private static SASLErrorException sasl(String condition) {
        return new SASLErrorException("SCRAM-SHA-1", new SaslNonza.SASLFailure(condition));
    }

    private static XMPPException.StreamErrorException stream(StreamError.Condition c) {
        return new XMPPException.StreamErrorException(new StreamError(c, null, Map.of(), List.of()));
    }

    @Test
    void wrongPasswordIsPermanentAuthenticationFailure() {
        FailureReason r = classifier.classify(sasl("not-authorized"));
        assertThat(r.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(r.kind().permanent()).isTrue();
        assertThat(r.message()).isEqualTo("the server rejected the user name or password (SCRAM-SHA-1: not-authorized)");
    }

    @Test
    void temporaryAuthFailureIsRetried() {
        FailureReason r = classifier.classify(sasl("temporary-auth-failure"));
        assertThat(r.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(r.kind().permanent()).isFalse();
    }

    @Test
    void disabledAccountAndExpiredPasswordArePermanent() {
        assertThat(classifier.classify(sasl("account-disabled")).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(classifier.classify(sasl("credentials-expired")).message()).contains("expired");
    }

    @Test
    void noAllowedMechanismIsAConfigurationProblem() {
        FailureReason r = classifier.classify(new SmackException.SmackSaslException(
                "No supported and enabled SASL Mechanism provided by server. Server announced mechanisms: [PLAIN]."));
        assertThat(r.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(r.message()).contains("SCRAM-SHA-1").contains("xmpp.allowPlainSasl");
    }

    @Test
    void serverWithoutStartTlsIsPermanent() {
        FailureReason r = classifier.classify(new SmackException.SecurityRequiredByClientException());
        assertThat(r.kind()).isEqualTo(Kind.TLS_UNAVAILABLE);
        assertThat(r.message()).isEqualTo("the server at 127.0.0.1:5222 does not offer STARTTLS, and this account requires TLS");
    }

    @Test
    void certificateForAnotherNameSaysWhichNameWasExpected() {
        Exception e = new SSLHandshakeException("No subject alternative DNS name matching cusax.test found.");
        e.initCause(new CertificateException("No subject alternative DNS name matching cusax.test found."));
        FailureReason r = classifier.classify(new SmackException.SmackWrappedException(e));
        assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE);
        assertThat(r.message()).isEqualTo("the server certificate is not valid for cusax.test (it names a different host)");
    }

    @Test
    void smackHostnameVerifierFailureIsACertificateProblemToo() {
        FailureReason r = classifier.classify(new CertificateException(
                "Hostname verification of certificate failed. Certificate does not authenticate cusax.test"));
        assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE);
        assertThat(r.message()).contains("not valid for cusax.test");
    }

    @Test
    void trustStoreProblemIsConfiguration() {
        FailureReason r = classifier.classify(new TlsSetupException("the trust store /x.pem does not exist or is not a file"));
        assertThat(r).isEqualTo(FailureReason.of(Kind.CONFIGURATION, "the trust store /x.pem does not exist or is not a file"));
    }

    @Test
    void streamErrorsAreRetriedExceptAnUnknownHost() {
        assertThat(classifier.classify(stream(StreamError.Condition.system_shutdown)))
                .isEqualTo(FailureReason.of(Kind.SERVER_ERROR, "the server is shutting down (system-shutdown)"));
        assertThat(classifier.classify(stream(StreamError.Condition.conflict)).kind()).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(classifier.classify(stream(StreamError.Condition.policy_violation)).kind().permanent()).isFalse();
        FailureReason unknown = classifier.classify(stream(StreamError.Condition.host_unknown));
        assertThat(unknown.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(unknown.message()).contains("does not serve the domain cusax.test");
    }

    @Test
    void timeoutsAndLostConnectionsAreRetried() {
        assertThat(classifier.classify(SmackException.NoResponseException.newWith(5000, (org.jivesoftware.smack.filter.StanzaFilter) null, false)).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(classifier.classify(new SocketTimeoutException("connect timed out")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(classifier.classify(new EOFException()).kind()).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(classifier.classify(new SmackException.NotConnectedException()).kind()).isEqualTo(Kind.CONNECTION_LOST);
    }

    @Test
    void parseErrorsFromACutStreamAreALostConnection() {
        // What Smack 4.4.8's StAX reader throws when Prosody is killed (seen with ProsodyChatIT).
        for (String cut : List.of("ParseError at [row,col]:[1,2600]\nMessage: Connection reset",
                "ParseError at [row,col]:[1,1893]\nMessage: XML document structures must start and end within the same entity.")) {
            Exception e = new org.jivesoftware.smack.xml.XmlPullParserException(new javax.xml.stream.XMLStreamException(cut));
            assertThat(classifier.classify(e))
                    .isEqualTo(FailureReason.of(Kind.CONNECTION_LOST, "the connection to 127.0.0.1:5222 was lost"));
        }
        FailureReason garbage = classifier.classify(new org.jivesoftware.smack.xml.XmlPullParserException(
                new javax.xml.stream.XMLStreamException("ParseError at [row,col]:[1,7]\nMessage: Unexpected character")));
        assertThat(garbage.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(garbage.kind().permanent()).isFalse();
    }

    @Test
    void serverClosingDuringTheHandshakeIsALostConnectionNotATlsProblem() {
        Exception e = new SSLHandshakeException("Remote host terminated the handshake");
        e.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(classifier.classify(e).kind()).isEqualTo(Kind.CONNECTION_LOST);
    }

    @Test
    void setupFailuresKeepTheirReason() {
        FailureReason reason = FailureReason.of(Kind.TIMEOUT, "the server did not send the contact list in time");
        assertThat(classifier.classify(new SessionSetupException(reason))).isEqualTo(reason);
    }

    // --- real exceptions thrown by Smack 4.4.8 ---

    private Throwable connectFails(int port) throws Exception {
        Account account = XmppAccounts.account("alice", PASSWORD, port, TestPki.get().caPem());
        SSLContext tls = TlsContexts.forAccount(account.security(), new TlsSessionObserver());
        XMPPTCPConnection c = new XMPPTCPConnection(ConnectionConfigFactory.build(account, XmppAccounts.settings(), tls));
        c.setReplyTimeout(5000);
        Throwable t = catchThrowable(() -> {
            c.connect();
            c.login();
        });
        c.instantShutdown();
        assertThat(t).as("connecting to port " + port).isNotNull();
        return t;
    }

    @Test
    void refusedConnectionFromSmackIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FailureReason r = classifier.classify(connectFails(closed));
        assertThat(r.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(r.message()).isEqualTo("cannot connect to 127.0.0.1:5222 (connection refused)");
    }

    @Test
    void realServerWithoutStartTlsIsTlsUnavailable() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("cusax.test", null)) {
            assertThat(classifier.classify(connectFails(server.port())).kind()).isEqualTo(Kind.TLS_UNAVAILABLE);
        }
    }

    @Test
    void realWrongNameAndUntrustedCertificatesAreRecognised() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("cusax.test", TestPki.get().serverContext("wrong.test"))) {
            FailureReason r = classifier.classify(connectFails(server.port()));
            assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE);
            assertThat(r.message()).contains("not valid for cusax.test");
        }
        try (FakeXmppServer server = new FakeXmppServer("cusax.test", TestPki.get().serverContext("untrusted"))) {
            FailureReason r = classifier.classify(connectFails(server.port()));
            assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE);
            assertThat(r.message()).isEqualTo("the server certificate for cusax.test is not trusted: it was not issued "
                    + "by a CA in the trust store /etc/cusax/ca.pem");
        }
    }

    @Test
    void noMessageEverContainsThePassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Throwable real = connectFails(closed);
        for (Throwable t : List.of(real, sasl("not-authorized"), new EOFException())) {
            assertThat(classifier.classify(t).message()).doesNotContain(PASSWORD);
        }
    }
}
