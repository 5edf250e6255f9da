package org.cusax.sip.tls;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Base64;
import java.util.HexFormat;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * The certificate and key our TLS listener presents ({@link TlsPolicy#withListenerIdentity}), read from PEM
 * files: a certificate chain and an unencrypted PKCS#8 private key. Errors name the file, never its content.
 */
public final class ListenerIdentity {
    private ListenerIdentity() {
    }

    public static X509KeyManager fromPem(Path certificateChain, Path privateKey) throws TlsSetupException {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(certificateChain)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            }
            if (chain.length == 0) {
                throw new TlsSetupException("no certificate in " + certificateChain);
            }
            String pem = Files.readString(privateKey, java.nio.charset.StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new TlsSetupException(privateKey + " is not an unencrypted PEM PKCS#8 private key "
                        + "(BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
            PrivateKey key = KeyFactory.getInstance(chain[0].getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            char[] storePassword = HexFormat.of().formatHex(random).toCharArray(); // in memory only
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("listener", key, storePassword, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, storePassword);
            for (KeyManager km : kmf.getKeyManagers()) {
                if (km instanceof X509KeyManager x509) {
                    return x509;
                }
            }
            throw new TlsSetupException("no X.509 key manager for " + certificateChain);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsSetupException("cannot read the TLS listener's certificate " + certificateChain + " or key "
                    + privateKey + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
