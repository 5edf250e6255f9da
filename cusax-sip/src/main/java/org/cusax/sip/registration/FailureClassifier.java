package org.cusax.sip.registration;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import org.cusax.core.connection.FailureReason;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.sip.auth.DigestChallenge;

/**
 * Turns what went wrong with a REGISTER into a {@link FailureReason} a user can act on. Permanent
 * kinds (wrong password, refused certificate, impossible configuration) stop the retries; everything
 * that may heal by itself (server down or restarting, timeouts, 5xx, 408) is retried with backoff.
 */
public final class FailureClassifier {
    /** TLS alerts and messages that mean "this server and this policy will never agree". */
    private static final List<String> TLS_MISMATCH = List.of("protocol_version", "no appropriate protocol",
            "handshake_failure", "insufficient_security", "no cipher suites in common", "unsupported_certificate");

    private final String aor;
    private final String server;
    private final String minTls;

    /**
     * @param aor    our address-of-record, named in messages
     * @param server the server as configured, e.g. {@code 127.0.0.1:5061;transport=tls}
     */
    public FailureClassifier(String aor, String server) {
        this(aor, server, "TLSv1.2");
    }

    /** @param minTls the lowest TLS version we accept ({@code tls.min-version}), named when none is shared */
    public FailureClassifier(String aor, String server, String minTls) {
        this.aor = aor;
        this.server = server;
        this.minTls = minTls;
    }

    /** A final non-2xx answer to REGISTER other than a first 401/407 or a 423. */
    public FailureReason fromResponse(int status, String reasonPhrase) {
        String answer = status + (reasonPhrase == null || reasonPhrase.isBlank() ? "" : " " + reasonPhrase);
        if (status == 401 || status == 407) {
            return FailureReason.of(Kind.AUTHENTICATION, "the SIP server did not accept the password for " + aor
                    + " (" + answer + ")");
        }
        if (status == 403) {
            return FailureReason.of(Kind.AUTHENTICATION, "the SIP server refused to register " + aor + " (" + answer + ")");
        }
        if (status == 408) {
            return FailureReason.of(Kind.TIMEOUT, "the SIP server timed out registering " + aor + " (" + answer + ")");
        }
        if (status >= 500 && status < 600) {
            return FailureReason.of(Kind.SERVER_ERROR, "the SIP server " + server + " answered " + answer);
        }
        if (status == 404) {
            return FailureReason.of(Kind.CONFIGURATION, "the SIP server does not know " + aor + " (" + answer + ")");
        }
        return FailureReason.of(Kind.CONFIGURATION, "the SIP server refused the registration of " + aor
                + " (" + answer + ")");
    }

    /** None of the offered challenges uses an algorithm we accept. */
    public FailureReason noAcceptableChallenge(List<DigestChallenge> offered, List<String> accepted) {
        List<String> algorithms = offered.stream().map(c -> c.algorithm()
                + (c.qopUsable() ? "" : " (qop " + String.join("/", c.qopOptions()) + ")")).distinct().toList();
        return FailureReason.of(Kind.CONFIGURATION, "the SIP server asks for digest "
                + (algorithms.isEmpty() ? "authentication of an unknown kind" : String.join(", ", algorithms))
                + " but this client accepts only " + String.join(", ", accepted) + " (sip.digest.algorithms)");
    }

    /** The REGISTER transaction got no final answer in time. */
    public FailureReason timeout(Duration waited) {
        return FailureReason.of(Kind.TIMEOUT, "the SIP server " + server + " did not answer within "
                + waited.toSeconds() + " s");
    }

    /** The connection we registered over went away. */
    public FailureReason connectionLost(String why) {
        return FailureReason.of(Kind.CONNECTION_LOST, "the connection to the SIP server " + server + " was lost ("
                + why + ")");
    }

    /**
     * Connecting or sending failed.
     *
     * @param certificateProblem what our TLS policy reported during this attempt, if anything
     */
    public FailureReason fromException(Throwable error, Optional<String> certificateProblem) {
        if (certificateProblem.isPresent()) {
            return FailureReason.of(Kind.CERTIFICATE, certificateProblem.get());
        }
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return FailureReason.of(Kind.CERTIFICATE, "the SIP server certificate was refused: " + t.getMessage());
            }
            root = t;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return FailureReason.of(Kind.UNREACHABLE, "cannot reach the SIP server " + server + " ("
                        + brief(t) + ")");
            }
            if (t instanceof UnknownHostException) {
                return FailureReason.of(Kind.UNREACHABLE, "cannot resolve the SIP server " + server);
            }
            if (t instanceof SocketTimeoutException) {
                return FailureReason.of(Kind.TIMEOUT, "the SIP server " + server + " did not answer in time ("
                        + brief(t) + ")");
            }
            if (t instanceof SSLHandshakeException) {
                java.util.Optional<String> version = org.cusax.core.connection.TlsVersionRefusal.explain(t,
                        "the SIP server " + server, minTls);
                if (version.isPresent()) {
                    return FailureReason.of(Kind.TLS_UNAVAILABLE, version.get());
                }
            }
            if (t instanceof SSLHandshakeException && !causedByTransport(t) && tlsMismatch(t)) {
                return FailureReason.of(Kind.TLS_UNAVAILABLE, "no TLS connection could be agreed with the SIP server "
                        + server + " (" + brief(t) + "); it may not support TLS 1.2 or newer");
            }
        }
        return FailureReason.of(Kind.CONNECTION_LOST, "the connection to the SIP server " + server + " failed ("
                + brief(root) + ")");
    }

    private static boolean causedByTransport(Throwable t) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c instanceof EOFException || c instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    private static boolean tlsMismatch(Throwable t) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return TLS_MISMATCH.stream().anyMatch(m::contains);
    }

    private static String brief(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t instanceof IOException ? "I/O error" : t.getClass().getSimpleName();
        }
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
