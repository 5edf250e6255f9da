package org.cusax.sip.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;
import javax.sip.SipException;

import org.cusax.core.connection.FailureReason;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.sip.auth.DigestChallenge;
import org.junit.jupiter.api.Test;

/**
 * Which REGISTER failures are permanent (RFC 3261 §21.4.2 403, §22.2 a repeated 401) and which are
 * retried (§21.4.9 408, §21.5 5xx, transport errors), and what the user is told.
 */
class FailureClassifierTest {
    private final FailureClassifier classifier =
            new FailureClassifier("sip:alice@cusax.test", "127.0.0.1:5061;transport=tls");

    @Test
    void forbiddenIsAPermanentAuthenticationFailure() {
        FailureReason r = classifier.fromResponse(403, "Forbidden");
        assertThat(r.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(r.kind().permanent()).isTrue();
        assertThat(r.message()).contains("sip:alice@cusax.test").contains("403 Forbidden");
    }

    @Test
    void repeatedChallengeMeansWrongPassword() {
        FailureReason r = classifier.fromResponse(401, "Unauthorized");
        assertThat(r.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(r.message()).contains("did not accept the password");
    }

    @Test
    void serverErrorsAndTimeoutsAreRetried() {
        assertThat(classifier.fromResponse(503, "Service Unavailable").kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(classifier.fromResponse(500, "Server Internal Error").kind().permanent()).isFalse();
        assertThat(classifier.fromResponse(408, "Request Timeout").kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(classifier.timeout(Duration.ofSeconds(32)).message()).contains("32 s");
    }

    @Test
    void otherRefusalsAreConfigurationProblems() {
        assertThat(classifier.fromResponse(404, "Not Found").kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(classifier.fromResponse(400, "Bad Request").kind().permanent()).isTrue();
    }

    @Test
    void refusedConnectionIsUnreachableAndRetried() {
        FailureReason r = classifier.fromException(new SipException("IO error", new ConnectException("Connection refused")),
                Optional.empty());
        assertThat(r.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(r.kind().permanent()).isFalse();
        assertThat(r.message()).contains("127.0.0.1:5061").contains("Connection refused");
        assertThat(classifier.fromException(new SocketTimeoutException("connect timed out"), Optional.empty()).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(classifier.fromException(new IOException("broken pipe"), Optional.empty()).kind())
                .isEqualTo(Kind.CONNECTION_LOST);
    }

    @Test
    void certificateProblemsArePermanentAndSayWhy() {
        FailureReason r = classifier.fromException(new SSLHandshakeException("bad"),
                Optional.of("the SIP server certificate is not valid for cusax.test (it is for other.test)"));
        assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE);
        assertThat(r.kind().permanent()).isTrue();
        assertThat(r.message()).isEqualTo("the SIP server certificate is not valid for cusax.test (it is for other.test)");
    }

    @Test
    void tlsVersionMismatchIsPermanentButAHandshakeCutByTheServerIsNot() {
        assertThat(classifier.fromException(new SSLHandshakeException("Received fatal alert: protocol_version"),
                Optional.empty()).kind()).isEqualTo(Kind.TLS_UNAVAILABLE);
        SSLHandshakeException cut = new SSLHandshakeException("Remote host terminated the handshake");
        cut.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(classifier.fromException(cut, Optional.empty()).kind()).isEqualTo(Kind.CONNECTION_LOST);
    }

    @Test
    void unacceptableDigestAlgorithmNamesBothSides() {
        DigestChallenge md5 = new DigestChallenge(false, "cusax.test", "n", Optional.empty(), "MD5", List.of("auth"), false);
        FailureReason r = classifier.noAcceptableChallenge(List.of(md5), List.of("SHA-256"));
        assertThat(r.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(r.message()).contains("MD5").contains("SHA-256").contains("sip.digest.algorithms");
    }
}
