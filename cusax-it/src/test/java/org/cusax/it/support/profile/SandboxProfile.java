package org.cusax.it.support.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sandbox.sip.SandboxSipException;
import org.cusax.sandbox.sip.SandboxSipOptions;
import org.cusax.sandbox.xmpp.SandboxXmppOptions;
import org.cusax.sandbox.xmpp.SandboxXmppServer;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipProbe;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.Sipp;

/**
 * The in-process sandbox (cusax-sandbox): {@link SandboxXmppServer} (Apache Vysper) and
 * {@link SandboxSip} (JAIN-SIP registrar + proxy) for {@code cusax.test} on 127.0.0.1, free ports.
 * Each server has a CA of its own for now (the XMPP side a BouncyCastle one, the SIP side an openssl
 * one); clients trust a PEM bundle of both.
 */
public final class SandboxProfile implements ServiceProfile {

    private final Path runDir;
    private final SandboxXmppServer xmpp;
    private final SandboxSip sip;
    private final Path trustBundle;
    private final Set<String> names = new HashSet<>();
    private Sipp sipp;
    private boolean closed;

    private SandboxProfile(Path runDir, SandboxXmppServer xmpp, SandboxSip sip, Path trustBundle) {
        this.runDir = runDir;
        this.xmpp = xmpp;
        this.sip = sip;
        this.trustBundle = trustBundle;
    }

    /** Both sandbox servers with the default digest offer (SHA-256, then MD5). */
    public static SandboxProfile start() {
        return start(SandboxSipOptions.DEFAULT_DIGEST_ALGORITHMS);
    }

    /** Both sandbox servers, the SIP side offering {@code digestAlgorithms} in this order. */
    public static SandboxProfile start(List<String> digestAlgorithms) {
        Path runDir;
        try {
            runDir = Files.createTempDirectory("cusax-sandbox-it-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory: " + e.getMessage(), e);
        }
        SandboxXmppServer xmpp = null;
        SandboxSip sip = null;
        try {
            xmpp = SandboxXmppServer.start(SandboxXmppOptions.defaults());
            sip = SandboxSip.start(SandboxSipOptions.defaults(xmpp.domain(), runDir.resolve("sip"))
                    .withDigestAlgorithms(digestAlgorithms));
            Path bundle = runDir.resolve("trust.pem");
            Files.writeString(bundle, xmpp.caCertificatePem() + "\n" + sip.caCertificatePem() + "\n");
            return new SandboxProfile(runDir, xmpp, sip, bundle);
        } catch (SandboxSipException | IOException | RuntimeException e) {
            if (sip != null) {
                sip.close();
            }
            if (xmpp != null) {
                xmpp.close();
            }
            deleteTree(runDir);
            throw new IllegalStateException("cannot start the sandbox: " + e.getMessage(), e);
        }
    }

    /** The XMPP server, for tests of a sandbox-only mechanism. */
    public SandboxXmppServer xmpp() {
        return xmpp;
    }

    /** The SIP registrar + proxy, for tests of a sandbox-only mechanism. */
    public SandboxSip sip() {
        return sip;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String domain() {
        return xmpp.domain();
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    @Override
    public synchronized TestUser createUser(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("user " + name + " already exists in this run");
        }
        TestUser user = new TestUser(name, domain(), randomPassword());
        xmpp.addUser(name, user.password());
        sip.addUser(name, user.password());
        return user;
    }

    @Override
    public Path writeClientConfig(TestUser user, SipTransport transport) {
        int port = switch (transport) {
            case UDP -> sip.udpPort();
            case TCP -> sip.tcpPort();
            case TLS -> sip.tlsPort();
        };
        return ClientConfigFile.write(runDir, user, trustBundle, xmpp.host(), xmpp.port(), sip.host(), port,
                transport);
    }

    @Override
    public String xmppHost() {
        return xmpp.host();
    }

    @Override
    public int xmppPort() {
        return xmpp.port();
    }

    @Override
    public KeyStore xmppTrustStore() {
        return xmpp.ca().trustStore();
    }

    @Override
    public List<String> registeredContacts(String user) {
        return sip.contactsOf(user);
    }

    @Override
    public SipProbe sipProbe() {
        return new SipProbe(sip.host(), sip.udpPort(), sip.domain());
    }

    @Override
    public synchronized Sipp sipp() {
        if (sipp == null) {
            sipp = new Sipp(runDir.resolve("sipp"), sip.host(), sip.udpPort(), sip.domain());
        }
        return sipp;
    }

    @Override
    public String diagnostics() {
        return "sandbox registrations: " + sip.registrations().keySet() + "\n";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sip.close();
        } finally {
            try {
                xmpp.close();
            } finally {
                org.cusax.testbed.secrets.RunDirectoryCheck.record(runDir);
                deleteTree(runDir);
            }
        }
    }

    private static String randomPassword() {
        return org.cusax.testbed.secrets.TestPasswords.next();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    @Override
    public String toString() {
        return name() + " in " + runDir;
    }
}
