package org.cusax.xmpp.connection;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.xml.stream.XMLStreamException;

import org.cusax.core.connection.FailureReason;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.xmpp.tls.TlsSetupException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Maps whatever Smack or the JDK threw into a {@link FailureReason}: permanent kinds (wrong password,
 * refused certificate, no STARTTLS, bad configuration) stop reconnection; everything else is retried.
 * Messages name the server and domain, never a credential.
 */
public final class FailureClassifier {
    /**
     * @param domain      the XMPP domain
     * @param server      where we connect, e.g. {@code 127.0.0.1:5222}
     * @param trustSource where the trust anchors come from
     * @param mechanisms  the SASL mechanisms we allow
     * @param minTls      the lowest TLS version we accept ({@code tls.min-version})
     */
    public record Context(String domain, String server, String trustSource, List<String> mechanisms, String minTls) {
        /** With the default minimum, TLSv1.2. */
        public Context(String domain, String server, String trustSource, List<String> mechanisms) {
            this(domain, server, trustSource, mechanisms, "TLSv1.2");
        }
    }

    /** How a dropped socket shows in a parse error of Smack's XML parser. */
    private static final List<String> STREAM_CUT = List.of("Connection reset", "must start and end within the same entity",
            "Premature end of file", "Broken pipe", "Socket closed", "Connection timed out");

    private final Context ctx;

    public FailureClassifier(Context ctx) {
        this.ctx = ctx;
    }

    public FailureReason classify(Throwable failure) {
        List<Throwable> chain = Causes.of(failure);
        return configuration(chain)
                .or(() -> authentication(chain))
                .or(() -> tls(chain))
                .or(() -> streamError(chain))
                .or(() -> network(chain))
                .orElseGet(() -> FailureReason.of(Kind.PROTOCOL, "unexpected error talking to " + ctx.server()
                        + ": " + describe(failure)));
    }

    private Optional<FailureReason> configuration(List<Throwable> chain) {
        return Causes.find(chain, SessionSetupException.class).map(SessionSetupException::reason)
                .or(() -> Causes.find(chain, TlsSetupException.class)
                        .map(e -> FailureReason.of(Kind.CONFIGURATION, e.getMessage())));
    }

    private Optional<FailureReason> authentication(List<Throwable> chain) {
        Optional<SASLErrorException> sasl = Causes.find(chain, SASLErrorException.class);
        if (sasl.isPresent()) {
            SASLError error = sasl.get().getSASLFailure().getSASLError();
            String mechanism = sasl.get().getMechanism();
            if (error == SASLError.temporary_auth_failure) {
                return Optional.of(FailureReason.of(Kind.SERVER_ERROR, "the server could not check the login for "
                        + ctx.domain() + " just now (temporary-auth-failure)"));
            }
            if (error == SASLError.not_authorized) {
                return Optional.of(FailureReason.of(Kind.AUTHENTICATION,
                        "the server rejected the user name or password (" + mechanism + ": not-authorized)"));
            }
            if (error == SASLError.account_disabled) {
                return Optional.of(FailureReason.of(Kind.AUTHENTICATION, "the account is disabled on the server"));
            }
            if (error == SASLError.credentials_expired) {
                return Optional.of(FailureReason.of(Kind.AUTHENTICATION, "the password has expired on the server"));
            }
            return Optional.of(FailureReason.of(Kind.AUTHENTICATION, "the server refused the login ("
                    + mechanism + ": " + (error == null ? "unknown error" : error) + ")"));
        }
        Optional<SmackException.SmackSaslException> smackSasl = Causes.find(chain, SmackException.SmackSaslException.class);
        if (smackSasl.isPresent()) {
            String message = String.valueOf(smackSasl.get().getMessage());
            if (message.startsWith("No supported and enabled SASL Mechanism")) {
                return Optional.of(FailureReason.of(Kind.CONFIGURATION, "the server offers none of the login "
                        + "mechanisms this client allows (" + String.join(", ", ctx.mechanisms())
                        + "); PLAIN needs xmpp.allowPlainSasl"));
            }
            return Optional.of(FailureReason.of(Kind.AUTHENTICATION, "the login exchange failed: " + message));
        }
        return Optional.empty();
    }

    private Optional<FailureReason> tls(List<Throwable> chain) {
        if (Causes.find(chain, SmackException.SecurityRequiredByClientException.class).isPresent()
                || Causes.find(chain, SmackException.SecurityNotPossibleException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.TLS_UNAVAILABLE, "the server at " + ctx.server()
                    + " does not offer STARTTLS, and this account requires TLS"));
        }
        if (Causes.find(chain, SmackException.SecurityRequiredByServerException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.CONFIGURATION, "the server requires TLS, which is not "
                    + "available in this client's configuration"));
        }
        Optional<String> certificate = CertificateFailures.explain(chain, ctx.domain(), ctx.trustSource());
        if (certificate.isPresent()) {
            return Optional.of(FailureReason.of(Kind.CERTIFICATE, certificate.get()));
        }
        Optional<SSLHandshakeException> handshake = Causes.find(chain, SSLHandshakeException.class);
        Optional<String> version = handshake.flatMap(h -> org.cusax.core.connection.TlsVersionRefusal.explain(h,
                "the XMPP server " + ctx.server(), ctx.minTls()));
        if (version.isPresent()) {
            return Optional.of(FailureReason.of(Kind.TLS_UNAVAILABLE, version.get()));
        }
        if (handshake.isPresent() && !closedDuringHandshake(chain)) {
            return Optional.of(FailureReason.of(Kind.TLS_UNAVAILABLE, "TLS negotiation with " + ctx.server()
                    + " failed: " + describe(handshake.get())));
        }
        if (Causes.find(chain, SSLException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.CONNECTION_LOST, "the TLS connection to " + ctx.server()
                    + " broke: " + describe(Causes.find(chain, SSLException.class).get())));
        }
        return Optional.empty();
    }

    private static boolean closedDuringHandshake(List<Throwable> chain) {
        return Causes.find(chain, EOFException.class).isPresent()
                || Causes.find(chain, SocketException.class).isPresent()
                || Causes.anyMessageContains(chain, "terminated the handshake");
    }

    private Optional<FailureReason> streamError(List<Throwable> chain) {
        Optional<StreamErrorException> se = Causes.find(chain, StreamErrorException.class);
        if (se.isEmpty()) {
            return Optional.empty();
        }
        StreamError.Condition c = se.get().getStreamError().getCondition();
        String name = c == null ? "undefined-condition" : c.toString();
        FailureReason reason;
        if (c == StreamError.Condition.host_unknown) {
            reason = FailureReason.of(Kind.CONFIGURATION, "the server at " + ctx.server() + " does not serve the domain "
                    + ctx.domain() + " (host-unknown)");
        } else if (c == StreamError.Condition.conflict) {
            reason = FailureReason.of(Kind.CONNECTION_LOST, "the server closed the session because another client "
                    + "logged in with the same resource (conflict)");
        } else if (c == StreamError.Condition.system_shutdown) {
            reason = FailureReason.of(Kind.SERVER_ERROR, "the server is shutting down (system-shutdown)");
        } else if (c == StreamError.Condition.connection_timeout) {
            reason = FailureReason.of(Kind.TIMEOUT, "the server closed an idle connection (connection-timeout)");
        } else if (c == StreamError.Condition.bad_format || c == StreamError.Condition.invalid_xml
                || c == StreamError.Condition.not_well_formed || c == StreamError.Condition.unsupported_version
                || c == StreamError.Condition.unsupported_stanza_type || c == StreamError.Condition.invalid_namespace) {
            reason = FailureReason.of(Kind.PROTOCOL, "the server closed the stream: " + name);
        } else {
            reason = FailureReason.of(Kind.SERVER_ERROR, "the server closed the stream: " + name);
        }
        return Optional.of(reason);
    }

    private Optional<FailureReason> network(List<Throwable> chain) {
        Optional<UnknownHostException> unknown = Causes.find(chain, UnknownHostException.class);
        if (unknown.isPresent()) {
            return Optional.of(FailureReason.of(Kind.UNREACHABLE, "the server name in " + ctx.server()
                    + " cannot be resolved"));
        }
        if (Causes.find(chain, ConnectException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.UNREACHABLE, "cannot connect to " + ctx.server()
                    + " (connection refused)"));
        }
        if (Causes.find(chain, NoRouteToHostException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.UNREACHABLE, "no route to " + ctx.server()));
        }
        if (Causes.find(chain, SocketTimeoutException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.TIMEOUT, "connecting to " + ctx.server() + " timed out"));
        }
        if (Causes.find(chain, SmackException.NoResponseException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.TIMEOUT, "the server at " + ctx.server()
                    + " did not answer in time"));
        }
        if (Causes.find(chain, SmackException.ConnectionException.class).isPresent()
                || Causes.find(chain, SmackException.NoEndpointsDiscoveredException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.UNREACHABLE, "cannot connect to " + ctx.server()));
        }
        if (Causes.find(chain, XmlPullParserException.class).isPresent()
                || Causes.find(chain, XMLStreamException.class).isPresent()) {
            // Smack's StAX parser reports a reset or a cut-off stream as a parse error.
            boolean cut = STREAM_CUT.stream().anyMatch(text -> Causes.anyMessageContains(chain, text));
            return Optional.of(cut
                    ? FailureReason.of(Kind.CONNECTION_LOST, "the connection to " + ctx.server() + " was lost")
                    : FailureReason.of(Kind.PROTOCOL, "the server at " + ctx.server() + " sent XML that cannot be parsed"));
        }
        Optional<XMPPErrorException> xmppError = Causes.find(chain, XMPPErrorException.class);
        if (xmppError.isPresent()) {
            return Optional.of(FailureReason.of(Kind.SERVER_ERROR, "the server refused to open the session: "
                    + xmppError.get().getStanzaError().getCondition()));
        }
        if (Causes.find(chain, IOException.class).isPresent()
                || Causes.find(chain, SmackException.NotConnectedException.class).isPresent()) {
            return Optional.of(FailureReason.of(Kind.CONNECTION_LOST, "the connection to " + ctx.server()
                    + " was lost"));
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
