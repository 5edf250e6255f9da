package org.cusax.app.provisioning;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.core.provisioning.ProvisioningException.Kind;
import org.cusax.core.tls.TrustStoreException;
import org.cusax.core.tls.TrustStores;

/**
 * The HTTPS client of provisioning: TLS 1.2+, the system trust store or the configured CA file, host
 * name verification on (HTTPS endpoint identification), no redirects; and the explanation of failures.
 */
public final class HttpsClients {
    private final HttpClient client;

    private HttpsClients(HttpClient client) {
        this.client = client;
    }

    /** @param trustStore CA certificates (PEM, PKCS#12, JKS); empty = the system trust store */
    public static HttpsClients create(Optional<Path> trustStore, Duration connectTimeout) throws ProvisioningException {
        try {
            SecuritySettings security = new SecuritySettings(trustStore, Optional.empty(), "TLSv1.2", true);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {TrustStores.trustManager(security)}, null);
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(security.enabledTlsVersions().toArray(String[]::new));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            return new HttpsClients(HttpClient.newBuilder().sslContext(tls).sslParameters(parameters)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build());
        } catch (TrustStoreException e) {
            throw new ProvisioningException(Kind.CERTIFICATE, "provisioning trust store: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new ProvisioningException(Kind.CERTIFICATE, "TLS is not available: " + e.getMessage());
        }
    }

    HttpClient client() {
        return client;
    }

    /** A failed exchange in words: certificate refused (and why), unreachable, timed out. */
    static ProvisioningException explain(URI url, IOException e) {
        Throwable certificate = find(e, CertificateException.class);
        Throwable handshake = find(e, SSLHandshakeException.class);
        String host = url.getHost();
        if (certificate != null || handshake != null) {
            String why = oneLine(String.valueOf((certificate != null ? certificate : handshake).getMessage()));
            return new ProvisioningException(Kind.CERTIFICATE, "the certificate of " + host + " was refused: " + why,
                    Optional.empty(), e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return new ProvisioningException(Kind.UNREACHABLE, host + " did not answer in time", Optional.empty(), e);
        }
        if (find(e, ConnectException.class) != null) {
            return new ProvisioningException(Kind.UNREACHABLE, "cannot connect to " + host
                    + (url.getPort() > 0 ? ":" + url.getPort() : "") + " (connection refused or no route)",
                    Optional.empty(), e);
        }
        return new ProvisioningException(Kind.UNREACHABLE, "no answer from " + host + ": "
                + oneLine(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())),
                Optional.empty(), e);
    }

    private static Throwable find(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    /** A server's reason as one printable line of at most 200 characters. */
    static String oneLine(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** A Retry-After header in delta-seconds. */
    static Optional<Duration> seconds(String header) {
        try {
            long s = Long.parseLong(header.strip());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
