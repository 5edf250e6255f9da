package org.cusax.testbed.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cusax.testbed.process.Command;

/**
 * A certificate authority that lives for one run, made with the {@code openssl} command (EC P-256
 * keys, SHA-256 signatures, 30 days). Clients use {@link #certificate()} as their trust store.
 */
public final class TestCa {

    /** The host name of the "wrong host" certificate. */
    public static final String WRONG_HOST = "wrong.example";

    private static final Pattern SAFE_STEM = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9.*-]+|[0-9a-fA-F:.]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DAYS = 30;

    private final Path dir;
    private final Path certificate;
    private final Path key;

    private TestCa(Path dir) {
        this.dir = dir;
        this.certificate = dir.resolve("ca.pem");
        this.key = dir.resolve("ca.key");
    }

    /** Creates a new CA (key and self-signed certificate) in {@code dir}. */
    public static TestCa create(Path dir) {
        TestCa ca = new TestCa(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cn = "cusax test CA " + Long.toHexString(RANDOM.nextLong());
        Command.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                        "-sha256", "-nodes", "-keyout", ca.key.toString(), "-out", ca.certificate.toString(),
                        "-days", String.valueOf(DAYS), "-subj", "/CN=" + cn,
                        "-addext", "basicConstraints=critical,CA:TRUE",
                        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                        "-addext", "subjectKeyIdentifier=hash")
                .directory(dir).runOk();
        ownerOnly(ca.key);
        return ca;
    }

    /** The CA certificate (PEM): the trust store for clients. */
    public Path certificate() {
        return certificate;
    }

    /**
     * Issues a server (and client) certificate signed by this CA.
     *
     * @param stem        file name stem: writes {@code stem.pem} and {@code stem.key}
     * @param dnsNames    DNS subject alternative names; the first is also the common name
     * @param ipAddresses IP subject alternative names
     */
    public CertificateFiles issue(String stem, List<String> dnsNames, List<String> ipAddresses) {
        return issue(stem, dnsNames, ipAddresses, null);
    }

    private CertificateFiles issue(String stem, List<String> dnsNames, List<String> ipAddresses, String[] validity) {
        if (!SAFE_STEM.matcher(stem).matches()) {
            throw new IllegalArgumentException("bad file stem: " + stem);
        }
        if (dnsNames.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS name is needed");
        }
        List<String> sans = new ArrayList<>();
        for (String d : dnsNames) {
            sans.add("DNS:" + checked(d));
        }
        for (String ip : ipAddresses) {
            sans.add("IP:" + checked(ip));
        }
        Path cert = dir.resolve(stem + ".pem");
        Path privateKey = dir.resolve(stem + ".key");
        Path csr = dir.resolve(stem + ".csr");
        Path ext = dir.resolve(stem + ".ext");
        try {
            Files.writeString(ext, "subjectAltName=" + String.join(",", sans) + "\n"
                    + "basicConstraints=critical,CA:FALSE\n"
                    + "keyUsage=critical,digitalSignature\n"
                    + "extendedKeyUsage=serverAuth,clientAuth\n"
                    + "subjectKeyIdentifier=hash\n"
                    + "authorityKeyIdentifier=keyid\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Command.of("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", privateKey.toString(), "-out", csr.toString(), "-subj", "/CN=" + dnsNames.get(0))
                .directory(dir).runOk();
        ownerOnly(privateKey);
        if (validity == null) {
            Command.of("openssl", "x509", "-req", "-sha256", "-in", csr.toString(), "-CA", certificate.toString(),
                            "-CAkey", key.toString(), "-set_serial", "0x" + new BigInteger(63, RANDOM).toString(16),
                            "-days", String.valueOf(DAYS), "-extfile", ext.toString(), "-out", cert.toString())
                    .directory(dir).runOk();
        } else {
            signWithDates(stem, csr, ext, cert, validity[0], validity[1]);
        }
        return new CertificateFiles(cert, privateKey, sans);
    }

    /**
     * Like {@link #issue} but valid only from {@code notBefore} to {@code notAfter} (openssl dates,
     * {@code YYYYMMDDHHMMSSZ}): an expired or a not-yet-valid certificate, with a valid chain and name.
     */
    public CertificateFiles issueValidBetween(String stem, List<String> dnsNames, List<String> ipAddresses,
                                              String notBefore, String notAfter) {
        if (!notBefore.matches("[0-9]{14}Z") || !notAfter.matches("[0-9]{14}Z")) {
            throw new IllegalArgumentException("dates must look like 20200101000000Z");
        }
        return issue(stem, dnsNames, ipAddresses, new String[] {notBefore, notAfter});
    }

    /** {@code openssl x509} cannot set a start date in OpenSSL 3.0; {@code openssl ca} can. */
    private void signWithDates(String stem, Path csr, Path ext, Path cert, String notBefore, String notAfter) {
        Path db = dir.resolve(stem + ".ca-db");
        Path config = db.resolve("ca.cnf");
        try {
            Files.createDirectories(db);
            Files.writeString(db.resolve("index.txt"), "");
            Files.writeString(config, "[ca]\ndefault_ca = testca\n[testca]\ndatabase = " + db.resolve("index.txt")
                    + "\nnew_certs_dir = " + db + "\nserial = " + db.resolve("serial") + "\ndefault_md = sha256\npolicy = anything\n"
                    + "unique_subject = no\n[anything]\ncommonName = supplied\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Command.of("openssl", "ca", "-batch", "-notext", "-config", config.toString(), "-cert", certificate.toString(),
                        "-keyfile", key.toString(), "-in", csr.toString(), "-out", cert.toString(),
                        "-extfile", ext.toString(), "-startdate", notBefore, "-enddate", notAfter,
                        "-rand_serial")
                .directory(dir).runOk();
    }

    /** A certificate for {@value #WRONG_HOST} only, signed by this CA: valid chain, wrong name. */
    public CertificateFiles issueWrongHost() {
        return issue("wrong-host", List.of(WRONG_HOST), List.of());
    }

    /** A PKCS#12 key store in memory holding the CA certificate as a trusted entry. */
    public KeyStore trustStore() {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("cusax-test-ca", ca);
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CA certificate " + certificate, e);
        }
    }

    /** A TLS context that trusts this CA only (for raw-socket tests). */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checked(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad name for a certificate: " + name);
        }
        return name;
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
