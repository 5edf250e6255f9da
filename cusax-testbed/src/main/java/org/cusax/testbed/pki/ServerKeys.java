package org.cusax.testbed.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Loads a {@link CertificateFiles} pair issued by a {@link TestCa} into Java key material, for
 * in-process servers (the sandbox) that present it. The key is the PKCS#8 PEM that {@code openssl}
 * writes; the chain is the leaf followed by the CA certificate.
 */
public final class ServerKeys {
    private ServerKeys() {
    }

    /** An in-memory PKCS#12 key store holding the key and its chain under alias {@code server}. */
    public static KeyStore keyStore(CertificateFiles files, Path caCertificate, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", privateKey(files.privateKey()), password,
                    new Certificate[] {certificate(files.certificate()), certificate(caCertificate)});
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the server key " + files.privateKey(), e);
        }
    }

    /** A TLS context presenting the certificate (server side; it trusts the JDK defaults as a client). */
    public static SSLContext serverContext(CertificateFiles files, Path caCertificate) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        char[] password = java.util.HexFormat.of().formatHex(random).toCharArray(); // in-memory store only
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(files, caCertificate, password), password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for " + files.certificate(), e);
        }
    }

    private static Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PKCS#8 PEM private key: " + pem);
        }
        String body = text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        try {
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
            try {
                return KeyFactory.getInstance("EC").generatePrivate(spec);
            } catch (GeneralSecurityException notEc) {
                return KeyFactory.getInstance("RSA").generatePrivate(spec);
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
