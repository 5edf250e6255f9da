package org.cusax.sandbox.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate issued by a {@link SandboxCa} with its private key (in memory only).
 *
 * @param privateKey the key; {@link #toString()} never shows it
 * @param chain      the leaf certificate first, then the CA
 */
public record IssuedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

    public IssuedCertificate {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The leaf certificate in PEM. */
    public String certificatePem() {
        return SandboxCa.pem(certificate());
    }

    /** An in-memory PKCS#12 key store with the key and chain under {@code alias}, protected by {@code password}. */
    public KeyStore keyStore(String alias, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, privateKey, password, chain.toArray(Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server TLS context presenting this certificate (no client certificates asked for). */
    public SSLContext serverContext() {
        char[] password = "sandbox".toCharArray(); // protects an in-memory store that never leaves the process
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore("server", password), password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate().getSubjectX500Principal() + "]";
    }
}
