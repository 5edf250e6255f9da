package org.cusax.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.X509ExtendedTrustManager;

import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the CAs a client trusts for the server certificate (RFC 6120 §13.7.2.1, RFC 6125 §6). */
class TrustStoresTest {
    private final TestPki pki = TestPki.get();

    @Test
    void loadsPemCertificates() throws Exception {
        KeyStore store = TrustStores.load(pki.caPem(), Optional.empty());
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.isCertificateEntry(store.aliases().nextElement())).isTrue();
    }

    @Test
    void loadsEveryCertificateOfAPemBundle(@TempDir Path tmp) throws Exception {
        Path bundle = tmp.resolve("bundle.crt");
        Files.writeString(bundle, Files.readString(pki.caPem()) + "\n" + Files.readString(pki.file("other-ca.pem")));
        assertThat(TrustStores.load(bundle, Optional.empty()).size()).isEqualTo(2);
    }

    @Test
    void loadsPkcs12AndJksStores() throws Exception {
        Optional<Secret> pw = Optional.of(Secret.of(TestPki.PASSWORD));
        assertThat(TrustStores.load(pki.file("ca.p12"), pw).size()).isEqualTo(1);
        assertThat(TrustStores.load(pki.file("ca.jks"), pw).size()).isEqualTo(1);
    }

    @Test
    void missingFileIsAClearError(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope.pem");
        assertThatThrownBy(() -> TrustStores.load(missing, Optional.empty()))
                .isInstanceOf(TrustStoreException.class)
                .hasMessage("the trust store " + missing + " does not exist or is not a file");
    }

    @Test
    void unreadableContentIsAClearError(@TempDir Path tmp) throws Exception {
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> TrustStores.load(junk, Optional.empty()))
                .isInstanceOf(TrustStoreException.class)
                .hasMessageStartingWith("the trust store " + junk + " cannot be read")
                .hasMessageContaining("expected PEM certificates, PKCS#12 or JKS");
    }

    @Test
    void pemWithoutCertificatesIsRefused(@TempDir Path tmp) throws Exception {
        Path keyOnly = pki.file("ca.key");
        assertThatThrownBy(() -> TrustStores.load(keyOnly, Optional.empty()))
                .isInstanceOf(TrustStoreException.class)
                .hasMessageContaining(keyOnly.toString());
    }

    @Test
    void wrongStorePasswordNeverAppearsInTheMessage() {
        String wrong = "very-secret-wrong-password";
        assertThatThrownBy(() -> TrustStores.load(pki.file("ca.p12"), Optional.of(Secret.of(wrong))))
                .isInstanceOf(TrustStoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    }

    @Test
    void noTrustStoreMeansTheSystemTrustStore() throws Exception {
        X509ExtendedTrustManager tm = TrustStores.trustManager(SecuritySettings.defaults());
        assertThat(tm.getAcceptedIssuers()).isNotEmpty();
        assertThat(TrustStores.describe(SecuritySettings.defaults())).isEqualTo("the system trust store");
    }

    @Test
    void configuredTrustStoreReplacesTheSystemOne() throws Exception {
        SecuritySettings settings = new SecuritySettings(Optional.of(pki.caPem()), Optional.empty(), "TLSv1.2", true);
        X509ExtendedTrustManager tm = TrustStores.trustManager(settings);
        assertThat(tm.getAcceptedIssuers()).hasSize(1);
        assertThat(tm.getAcceptedIssuers()[0].getSubjectX500Principal().getName()).isEqualTo("CN=ca");
    }
}
