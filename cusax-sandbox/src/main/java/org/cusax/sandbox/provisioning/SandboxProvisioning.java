package org.cusax.sandbox.provisioning;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.server.AuditLog;
import org.cusax.provisioning.server.CredentialCheck;
import org.cusax.provisioning.server.JitsiDocument;
import org.cusax.provisioning.server.LoginThrottle;
import org.cusax.provisioning.server.ProvisioningDocument;
import org.cusax.provisioning.server.ProvisioningEndpoint;
import org.cusax.provisioning.server.ProvisioningKeys;
import org.cusax.provisioning.server.ProvisioningServer;
import org.cusax.provisioning.server.ServerTls;
import org.cusax.provisioning.server.ServiceProfile;
import org.cusax.provisioning.server.ThrottlePolicy;
import org.cusax.sandbox.demo.DemoDirectory;
import org.cusax.sandbox.pki.IssuedCertificate;
import org.cusax.sandbox.pki.SandboxCa;

/**
 * The provisioning server on the {@link SandboxDirectory} (HTTPS with a certificate of the sandbox CA, on
 * 127.0.0.1, a free port): a user id and a password
 * get a document that points at the sandbox's XMPP port and SIP TLS port, as {@code cusax login} expects
 * from any provider.
 */
public final class SandboxProvisioning implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final ProvisioningServer server;
    private final URI url;

    private SandboxProvisioning(ProvisioningServer server, URI url) {
        this.server = server;
        this.url = url;
    }

    /**
     * Starts the server on the users of {@code directory}.
     *
     * @param pkiDir      where the server's PKCS#12 keystore is written (owner-only)
     * @param xmppPort    the sandbox's XMPP port (STARTTLS)
     * @param sipTlsPort  the sandbox's SIP TLS port
     */
    public static SandboxProvisioning start(SandboxDirectory directory, SandboxCa ca, Path pkiDir, int xmppPort,
                                            int sipTlsPort) throws IOException {
        SecureRandom random = directory.random();
        ServiceProfile service = new ServiceProfile(HOST, xmppPort, HOST, sipTlsPort, "tls", false, false,
                DemoDirectory.REGION);
        Clock clock = Clock.systemUTC();
        ProvisioningEndpoint endpoint = new ProvisioningEndpoint(
                new CredentialCheck(directory.directory(), directory.domain(), StoredCredentials.WorkFactors.DEFAULT,
                        random),
                new LoginThrottle(directory.dataSource(), ThrottlePolicy.DEFAULT, clock),
                new ProvisioningDocument(service), new JitsiDocument(service), AuditLog.toLogger(clock));
        ProvisioningServer server = ProvisioningServer.start(HOST, 0,
                serverTls(ca, directory.domain(), pkiDir, random), endpoint, null);
        return new SandboxProvisioning(server, URI.create("https://" + HOST + ":" + server.port() + ProvisioningKeys.PATH));
    }

    /** A certificate for the domain and 127.0.0.1, kept in an owner-only PKCS#12 file for the server. */
    private static ServerTls serverTls(SandboxCa ca, String domain, Path pkiDir, SecureRandom random)
            throws IOException {
        IssuedCertificate cert = ca.issue(List.of(domain), List.of(HOST));
        char[] password = hex(random, 12).toCharArray();
        Files.createDirectories(pkiDir);
        Path file = pkiDir.resolve("server.p12");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            cert.keyStore("server", password).store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the provisioning server's keystore: " + e.getMessage(), e);
        }
        return ServerTls.pkcs12(file, password);
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The provisioning URL clients sign in with ({@code cusax login --provisioning-url}). */
    public URI url() {
        return url;
    }

    public int port() {
        return server.port();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
