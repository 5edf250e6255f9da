package org.cusax.sip.tls;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a SIP server's certificate: first the chain, with the JDK's PKIX trust manager over our trust
 * store (signature, validity, algorithm constraints), then the identity against the SIP domain (RFC
 * 5922 §7). A failure is reported to {@code problems} in words a user understands, and thrown as a
 * {@link CertificateException} with the same message so the handshake aborts.
 */
final class DomainTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final String domain;
    private final Consumer<String> problems;

    DomainTrustManager(X509ExtendedTrustManager pkix, String domain, Consumer<String> problems) {
        this.pkix = pkix;
        this.domain = domain;
        this.problems = problems;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw fail(explain(e, chain));
        }
        checkIdentity(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw fail(explain(e, chain));
        }
        checkIdentity(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw fail(explain(e, chain));
        }
        checkIdentity(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this SIP client does not accept TLS client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this SIP client does not accept TLS client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this SIP client does not accept TLS client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    private void checkIdentity(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw fail("the SIP server sent no certificate");
        }
        if (!ServerIdentity.matches(chain[0], domain)) {
            List<String> names = ServerIdentity.identities(chain[0]);
            throw fail("the SIP server certificate is not valid for " + domain
                    + (names.isEmpty() ? " (it names no SIP domain)" : " (it is for " + String.join(", ", names) + ")"));
        }
    }

    private String explain(CertificateException e, X509Certificate[] chain) {
        String subject = chain != null && chain.length > 0 ? chain[0].getSubjectX500Principal().getName() : "?";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "the SIP server certificate (" + subject + ") has expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "the SIP server certificate (" + subject + ") is not valid yet";
            }
            if (t instanceof CertPathValidatorException cpve
                    && cpve.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return "the SIP server certificate (" + subject + ") has expired";
            }
        }
        String issuer = chain != null && chain.length > 0 ? chain[chain.length - 1].getIssuerX500Principal().getName() : "?";
        return "the SIP server certificate (" + subject + ") is not trusted: it is not signed by a trusted"
                + " certificate authority (issuer " + issuer + ")";
    }

    private CertificateException fail(String message) {
        problems.accept(message);
        return new CertificateException(message);
    }
}
