package org.cusax.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 5922 §7.1/§7.2: which names in a certificate identify a SIP domain, and how they compare. */
class ServerIdentityTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir,
                "dns", "CN=ignored", "san=dns:Cusax.Test,dns:other.test",
                "uri", "CN=ignored", "san=uri:sip:cusax.test",
                "userUri", "CN=ignored", "san=uri:sip:alice@cusax.test",
                "wild", "CN=ignored", "san=dns:*.cusax.test",
                "cnOnly", "CN=cusax.test", "",
                "cnAndSan", "CN=cusax.test", "san=dns:other.test");
    }

    @Test
    void dnsNamesMatchCaseInsensitively() throws Exception {
        assertThat(ServerIdentity.matches(certs.certificate("dns"), "cusax.test")).isTrue();
        assertThat(ServerIdentity.identities(certs.certificate("dns"))).containsExactly("cusax.test", "other.test");
    }

    @Test
    void sipUriWithoutUserPartIsADomainIdentity() throws Exception {
        assertThat(ServerIdentity.matches(certs.certificate("uri"), "cusax.test")).isTrue();
        assertThat(ServerIdentity.matches(certs.certificate("userUri"), "cusax.test")).isFalse();
    }

    @Test
    void wildcardsAreNotAccepted() throws Exception {
        assertThat(ServerIdentity.matches(certs.certificate("wild"), "sip.cusax.test")).isFalse();
        assertThat(ServerIdentity.matches(certs.certificate("wild"), "cusax.test")).isFalse();
    }

    @Test
    void commonNameOnlyWhenThereIsNoSubjectAltName() throws Exception {
        assertThat(ServerIdentity.matches(certs.certificate("cnOnly"), "cusax.test")).isTrue();
        assertThat(ServerIdentity.matches(certs.certificate("cnAndSan"), "cusax.test")).isFalse();
    }
}
