package org.cusax.sip.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Test helper: self-signed EC certificates made with the JDK's keytool (no other tool needed), one
 * alias per case, in one PKCS#12 file.
 */
final class TestCertificates {
    static final char[] PASSWORD = "changeit".toCharArray();

    private final Path dir;
    private final KeyStore store;

    private TestCertificates(Path dir, KeyStore store) {
        this.dir = dir;
        this.store = store;
    }

    /** @param specs alias, dname, SAN extension (or empty for none), repeated */
    static TestCertificates create(Path dir, String... specs) throws Exception {
        Path p12 = dir.resolve("certs.p12");
        for (int i = 0; i < specs.length; i += 3) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", specs[i], "-keyalg", "EC", "-groupname", "secp256r1", "-dname", specs[i + 1],
                    "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
            if (!specs[i + 2].isEmpty()) {
                cmd.addAll(List.of("-ext", specs[i + 2]));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        }
        return new TestCertificates(dir, KeyStore.getInstance(p12.toFile(), PASSWORD));
    }

    X509Certificate certificate(String alias) throws Exception {
        return (X509Certificate) store.getCertificate(alias);
    }

    /** The certificate of {@code alias} as a PEM trust store file. */
    Path pem(String alias) throws Exception {
        Path file = dir.resolve(alias + ".pem");
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate(alias).getEncoded());
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    /** A server TLS context presenting {@code alias}. */
    SSLContext serverContext(String alias) throws Exception {
        KeyStore one = KeyStore.getInstance("PKCS12");
        one.load(null, null);
        one.setEntry(alias, store.getEntry(alias, new KeyStore.PasswordProtection(PASSWORD)),
                new KeyStore.PasswordProtection(PASSWORD));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(one, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
