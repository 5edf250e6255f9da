package org.cusax.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.cusax.core.account.Secret;

/**
 * Loads the CA certificates to trust: a PEM file with one or more certificates, or a PKCS#12 / JKS
 * store (type detected from the content). No path means the Java runtime's own trust store.
 */
public final class TrustStores {
    private TrustStores() {
    }

    /** @return the trust store, or empty for the system default */
    public static Optional<KeyStore> load(Optional<Path> path, Optional<Secret> password) throws TlsSetupException {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path file = path.get();
        if (!Files.isReadable(file)) {
            throw new TlsSetupException("the trust store " + file + " does not exist or cannot be read");
        }
        try {
            return Optional.of(isPem(file) ? fromPem(file) : fromStore(file, password));
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("cannot read the trust store " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPem(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.US_ASCII).contains("-----BEGIN");
    }

    private static KeyStore fromPem(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("the PEM file holds no certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        return store;
    }

    private static KeyStore fromStore(Path file, Optional<Secret> password) throws IOException, GeneralSecurityException {
        char[] pw = password.map(Secret::chars).orElse(null);
        try {
            return KeyStore.getInstance(file.toFile(), pw);
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }
}
