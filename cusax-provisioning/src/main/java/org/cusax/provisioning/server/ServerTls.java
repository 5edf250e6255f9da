package org.cusax.provisioning.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The provisioning server's certificate and key: a PKCS#12 keystore, or a PEM certificate chain plus a
 * PEM PKCS#8 private key (RSA or EC), as {@code openssl} and ACME clients write them.
 */
public final class ServerTls {
    private final KeyStore keyStore;
    private final char[] password;

    private ServerTls(KeyStore keyStore, char[] password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    public static ServerTls pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return new ServerTls(ks, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public static ServerTls pem(Path certificateChain, Path privateKey) {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(certificateChain)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            }
            if (chain.length == 0) {
                throw new IllegalArgumentException("no certificate in " + certificateChain);
            }
            String pem = Files.readString(privateKey);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException(privateKey + " is not a PEM PKCS#8 private key (BEGIN PRIVATE KEY); "
                        + "convert it with: openssl pkcs8 -topk8 -nocrypt");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
            String algorithm = chain[0].getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            char[] password = Long.toHexString(new java.security.SecureRandom().nextLong()).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, password, chain);
            return new ServerTls(ks, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PEM certificate/key: " + e.getMessage(), e);
        }
    }

    KeyStore keyStore() {
        return keyStore;
    }

    char[] password() {
        return password.clone();
    }
}
