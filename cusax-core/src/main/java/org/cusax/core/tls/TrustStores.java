package org.cusax.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;

/**
 * Loads the CA certificates to trust: a PEM file (one or more {@code CERTIFICATE} blocks), a PKCS#12 or
 * JKS store, or, when none is configured, the JDK's default trust store. The result is the JDK's PKIX
 * trust manager, which checks the chain, validity dates and, when the socket asks for it, the host
 * name.
 */
public final class TrustStores {
    private TrustStores() {
    }

    /** The trust manager for these settings. */
    public static X509ExtendedTrustManager trustManager(SecuritySettings security) throws TrustStoreException {
        KeyStore anchors = security.trustStore().isPresent()
                ? load(security.trustStore().get(), security.trustStorePassword())
                : null;
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TrustStoreException("the trust store cannot be used: " + e.getMessage(), e);
        }
        throw new TrustStoreException("the JDK offers no X.509 trust manager");
    }

    /** Where the trust anchors come from, for messages: the file name or "the system trust store". */
    public static String describe(SecuritySettings security) {
        return security.trustStore().map(p -> "the trust store " + p).orElse("the system trust store");
    }

    /** Reads a PEM, PKCS#12 or JKS file into a key store holding only trusted certificates. */
    public static KeyStore load(Path path, Optional<Secret> password) throws TrustStoreException {
        if (!Files.isRegularFile(path)) {
            throw new TrustStoreException("the trust store " + path + " does not exist or is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new TrustStoreException("the trust store " + path + " is not readable");
        }
        try {
            KeyStore store = isPem(path) ? fromPem(path) : fromKeyStoreFile(path, password);
            if (trustedCertificates(store) == 0) {
                throw new TrustStoreException("the trust store " + path + " contains no certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new TrustStoreException("the trust store " + path + " cannot be read (" + reason(e)
                    + "); expected PEM certificates, PKCS#12 or JKS", e);
        }
    }

    private static boolean isPem(Path path) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.US_ASCII).strip().startsWith("-----BEGIN");
    }

    private static KeyStore fromPem(Path path) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(path)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        List<Certificate> list = new ArrayList<>(certificates);
        for (int i = 0; i < list.size(); i++) {
            store.setCertificateEntry("ca-" + i, list.get(i));
        }
        return store;
    }

    private static KeyStore fromKeyStoreFile(Path path, Optional<Secret> password)
            throws IOException, GeneralSecurityException {
        char[] pw = password.map(Secret::chars).orElse(null);
        try {
            // Detects PKCS#12 and JKS by content (JDK 9+).
            return KeyStore.getInstance(path.toFile(), pw);
        } finally {
            if (pw != null) {
                java.util.Arrays.fill(pw, '\0');
            }
        }
    }

    private static int trustedCertificates(KeyStore store) throws GeneralSecurityException {
        int count = 0;
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) != null) {
                count++;
            }
        }
        return count;
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
