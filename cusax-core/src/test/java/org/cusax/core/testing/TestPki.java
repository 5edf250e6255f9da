package org.cusax.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A CA and server certificates made with the {@code openssl} CLI once per test JVM: {@code cusax.test}
 * and {@code wrong.test} signed by the CA, and {@code cusax.test} signed by an unrelated CA.
 */
public final class TestPki {
    public static final String PASSWORD = "test-store-pw";
    private static TestPki instance;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("cusax-test-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "cusax-test-pki-cleanup"));
                TestPki pki = new TestPki(dir);
                pki.ca("ca");
                pki.ca("other-ca");
                pki.server("cusax.test", "ca", "cusax.test");
                pki.server("wrong.test", "ca", "wrong.test");
                pki.server("untrusted", "other-ca", "cusax.test");
                pki.run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", pki.file("ca.pem").toString(),
                        "-keystore", pki.file("ca.jks").toString(), "-storetype", "JKS", "-storepass", PASSWORD);
                pki.run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", pki.file("ca.pem").toString(),
                        "-keystore", pki.file("ca.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
                instance = pki;
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the test PKI", e);
            }
        }
        return instance;
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary directory
        }
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The CA certificate (PEM) that signed cusax.test and wrong.test. */
    public Path caPem() {
        return file("ca.pem");
    }

    /** A server SSL context presenting the named certificate: cusax.test, wrong.test or untrusted. */
    public SSLContext serverContext(String name) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file(name + ".p12"))) {
                ks.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load server certificate " + name, e);
        }
    }

    private void ca(String name) throws IOException {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", file(name + ".key").toString(), "-out", file(name + ".pem").toString(),
                "-subj", "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void server(String name, String ca, String host) throws IOException {
        Files.writeString(file(name + ".ext"), "subjectAltName=DNS:" + host + "\nextendedKeyUsage=serverAuth\n");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", file(name + ".key").toString(),
                "-out", file(name + ".csr").toString(), "-subj", "/CN=" + host);
        run("openssl", "x509", "-req", "-in", file(name + ".csr").toString(), "-CA", file(ca + ".pem").toString(),
                "-CAkey", file(ca + ".key").toString(), "-CAcreateserial", "-days", "2",
                "-out", file(name + ".crt").toString(), "-extfile", file(name + ".ext").toString());
        run("openssl", "pkcs12", "-export", "-in", file(name + ".crt").toString(), "-inkey",
                file(name + ".key").toString(), "-out", file(name + ".p12").toString(), "-passout", "pass:" + PASSWORD,
                "-name", name);
    }

    private void run(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
