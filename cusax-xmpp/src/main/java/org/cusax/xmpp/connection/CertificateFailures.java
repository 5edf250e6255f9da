package org.cusax.xmpp.connection;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Recognises a refused server certificate in a failure and says why, in one sentence (RFC 6120
 * §13.7.2: the certificate must chain to a trusted CA and name the XMPP domain).
 */
final class CertificateFailures {
    private CertificateFailures() {
    }

    /**
     * @param domain      the XMPP domain the certificate must be valid for
     * @param trustSource where our trust anchors come from, e.g. "the trust store /etc/ca.pem"
     * @return the explanation, if the failure is a certificate problem
     */
    static Optional<String> explain(List<Throwable> chain, String domain, String trustSource) {
        if (Causes.find(chain, CertificateExpiredException.class).isPresent()) {
            return Optional.of("the server certificate for " + domain + " has expired");
        }
        if (Causes.find(chain, CertificateNotYetValidException.class).isPresent()) {
            return Optional.of("the server certificate for " + domain + " is not valid yet");
        }
        if (Causes.anyMessageContains(chain, "No subject alternative DNS name matching")
                || Causes.anyMessageContains(chain, "No subject alternative names")
                || Causes.anyMessageContains(chain, "No name matching")
                || Causes.anyMessageContains(chain, "Hostname verification of certificate failed")) {
            return Optional.of("the server certificate is not valid for " + domain
                    + " (it names a different host)");
        }
        if (Causes.find(chain, CertPathBuilderException.class).isPresent()
                || Causes.anyMessageContains(chain, "PKIX path building failed")
                || Causes.anyMessageContains(chain, "unable to find valid certification path")) {
            return Optional.of("the server certificate for " + domain + " is not trusted: it was not issued by a CA in "
                    + trustSource);
        }
        Optional<CertPathValidatorException> invalid = Causes.find(chain, CertPathValidatorException.class);
        if (invalid.isPresent()) {
            return Optional.of("the server certificate for " + domain + " was refused: " + reason(invalid.get()));
        }
        if (Causes.find(chain, CertificateException.class).isPresent()
                || Causes.find(chain, SSLPeerUnverifiedException.class).isPresent()) {
            Throwable t = Causes.find(chain, CertificateException.class).map(Throwable.class::cast)
                    .orElseGet(() -> Causes.find(chain, SSLPeerUnverifiedException.class).orElseThrow());
            return Optional.of("the server certificate for " + domain + " was refused: " + reason(t));
        }
        return Optional.empty();
    }

    private static String reason(Throwable t) {
        if (t instanceof CertPathValidatorException v && v.getReason() != null) {
            return v.getReason().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
