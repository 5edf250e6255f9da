package org.cusax.sandbox.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The per-run CA: RFC 5280 path validation from the CA alone, SANs for RFC 6125 name checks, no key in PEM. */
class SandboxCaTest {

    @Test
    void anIssuedCertificateValidatesAgainstTheCaAndNamesTheDomainAndAddress() throws Exception {
        SandboxCa ca = SandboxCa.create();
        IssuedCertificate cert = ca.issue(List.of("cusax.test"), List.of("127.0.0.1"));
        X509Certificate leaf = cert.certificate();
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
        assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactly("cusax.test", "127.0.0.1");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(ca.certificate().getBasicConstraints()).isZero();
        assertThat(ca.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
        assertThat(cert.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void theServerContextSpeaksOnlyTheLimitedProtocols() {
        IssuedCertificate cert = SandboxCa.create().issue(List.of("cusax.test"), List.of());
        var ctx = ProtocolLimitedContext.of(cert.serverContext(), List.of("TLSv1.2"));
        assertThat(ctx.createSSLEngine().getEnabledProtocols()).containsExactly("TLSv1.2");
        assertThat(ctx.getDefaultSSLParameters().getProtocols()).containsExactly("TLSv1.2");
    }
}
