package org.cusax.sip.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.tls.TrustStoreException;
import org.cusax.core.tls.TrustStores;

/**
 * The TLS rules for one account's SIP connections, with their own {@link SSLContext} (no JVM-wide
 * {@code javax.net.ssl.*} properties, so several clients can live in one JVM). Client sockets are
 * layered over a connected plain socket with the SIP domain as peer host, which also sends it as SNI.
 */
public final class TlsPolicy {
    private static final List<String> WEAK_SUITE_MARKERS = List.of("_ANON_", "_NULL_", "EXPORT", "_RC4_",
            "_DES_", "3DES", "_MD5");

    private final String domain;
    private final SSLContext context;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final AtomicReference<String> lastProblem;
    private final TrustManager[] trust;
    private final SSLContext listenerContext;

    private TlsPolicy(String domain, SSLContext context, String[] protocols, String[] cipherSuites,
                      AtomicReference<String> lastProblem, TrustManager[] trust, SSLContext listenerContext) {
        this.domain = domain;
        this.trust = trust;
        this.listenerContext = listenerContext;
        this.lastProblem = lastProblem;
        this.context = context;
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
    }

    /** Builds the policy for the SIP domain from the account's security settings. */
    public static TlsPolicy create(SecuritySettings security, String domain) throws TlsSetupException {
        X509ExtendedTrustManager pkix;
        try {
            pkix = TrustStores.trustManager(security);
        } catch (TrustStoreException e) {
            throw new TlsSetupException(e.getMessage(), e);
        }
        try {
            AtomicReference<String> problems = new AtomicReference<>();
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager[] trust = {new DomainTrustManager(pkix, domain, problems::set)};
            ctx.init(null, trust, new SecureRandom());
            SSLParameters supported = ctx.getSupportedSSLParameters();
            String[] versions = security.enabledTlsVersions().stream()
                    .filter(v -> Arrays.asList(supported.getProtocols()).contains(v)).toArray(String[]::new);
            if (versions.length == 0) {
                throw new TlsSetupException("this Java runtime supports none of " + security.enabledTlsVersions());
            }
            String[] suites = Arrays.stream(ctx.getDefaultSSLParameters().getCipherSuites())
                    .filter(TlsPolicy::strong).toArray(String[]::new);
            return new TlsPolicy(domain.toLowerCase(Locale.ROOT), ctx, versions, suites, problems, trust, ctx);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static boolean strong(String suite) {
        String s = suite.toUpperCase(Locale.ROOT);
        return !s.startsWith("SSL_") && !s.contains("EMPTY_RENEGOTIATION")
                && WEAK_SUITE_MARKERS.stream().noneMatch(s::contains);
    }

    /** Layers TLS over a connected socket to the SIP server; the handshake happens on first use. */
    public SSLSocket secure(Socket connected, int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(connected, domain, port, true);
        s.setUseClientMode(true);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(protocols);
        p.setCipherSuites(cipherSuites);
        s.setSSLParameters(p);
        return s;
    }

    /**
     * The same policy, whose TLS listener presents {@code identity} (RFC 3261 §26.3.1: a UA that accepts TLS
     * connections needs a certificate for its own host). Same versions, suites and trust; no client
     * certificate is asked for.
     */
    public TlsPolicy withListenerIdentity(X509KeyManager identity) throws TlsSetupException {
        try {
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(new KeyManager[] {identity}, trust, new SecureRandom());
            return new TlsPolicy(domain, context, protocols, cipherSuites, lastProblem, trust, server);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up the TLS listener: " + e.getMessage(), e);
        }
    }

    /**
     * A TLS server socket (JAIN-SIP needs one for a TLS listening point). Without a
     * {@linkplain #withListenerIdentity listener identity} we hold no server key, and every handshake on it fails.
     */
    public ServerSocket serverSocket(int port, int backlog, InetAddress bind) throws IOException {
        SSLServerSocket s = (SSLServerSocket) listenerContext.getServerSocketFactory()
                .createServerSocket(port, backlog, bind);
        s.setEnabledProtocols(protocols);
        s.setEnabledCipherSuites(cipherSuites);
        s.setNeedClientAuth(false);
        return s;
    }

    /** The last certificate problem seen (cleared with {@link #clearProblem()}). */
    public Optional<String> certificateProblem() {
        return Optional.ofNullable(lastProblem.get());
    }

    public void clearProblem() {
        lastProblem.set(null);
    }

    public String domain() {
        return domain;
    }

    public List<String> protocols() {
        return List.of(protocols);
    }

    public List<String> cipherSuites() {
        return List.of(cipherSuites);
    }
}
