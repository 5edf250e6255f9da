package org.cusax.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cusax.provisioning.directory.DirectoryException;
import org.cusax.sandbox.demo.DemoDirectory;
import org.cusax.sandbox.demo.DemoUser;
import org.cusax.sandbox.peers.ChatEchoPeer;
import org.cusax.sandbox.peers.DemoPeers;
import org.cusax.sandbox.pki.SandboxCa;
import org.cusax.sandbox.provisioning.SandboxDirectory;
import org.cusax.sandbox.provisioning.SandboxProvisioning;
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sandbox.sip.SandboxSipException;
import org.cusax.sandbox.sip.SandboxSipOptions;
import org.cusax.sandbox.xmpp.SandboxXmppOptions;
import org.cusax.sandbox.xmpp.SandboxXmppServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole CUSAX service in this process, for trying and testing (not for production): one CA for the
 * run, the XMPP server and the SIP registrar/proxy for one domain on 127.0.0.1, the user directory and
 * the provisioning server ({@link SandboxDirectory}, {@link SandboxProvisioning}), the demo accounts with
 * their contacts ({@link DemoDirectory}, credentials of both halves from the directory), the demo peers ({@code greeting}, {@code busy} on SIP,
 * {@code echo} on XMPP) and a ready client configuration file per demo account.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *     Path config = sandbox.demoUser().configFile();   // ./cusax status -c <config>
 * }
 * }</pre>
 * {@link #close()} stops everything it started, in reverse order; it is idempotent.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final Duration PEER_LOGIN = Duration.ofSeconds(20);

    private final SandboxOptions options;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Deque<AutoCloseable> started;
    private final Path caFile;
    private final SandboxXmppServer xmpp;
    private final SandboxSip sip;
    private final DemoPeers peers;
    private final ChatEchoPeer echo;
    private final List<DemoUser> users;
    private final SandboxProvisioning provisioning;
    private final SandboxDirectory directory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(SandboxOptions options, Path workDir, boolean ownsWorkDir, Deque<AutoCloseable> started,
                    Path caFile, SandboxXmppServer xmpp, SandboxSip sip, DemoPeers peers, ChatEchoPeer echo,
                    List<DemoUser> users, SandboxProvisioning provisioning, SandboxDirectory directory) {
        this.options = options;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.started = started;
        this.caFile = caFile;
        this.xmpp = xmpp;
        this.sip = sip;
        this.peers = peers;
        this.echo = echo;
        this.users = users;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    /**
     * Starts everything and returns once the demo peers are registered and logged in.
     *
     * @throws SandboxStartException when a part cannot start (a port taken, ...); whatever had started
     *                               is stopped again
     */
    public static Sandbox start(SandboxOptions options) throws InterruptedException {
        Path dir;
        boolean owns = options.workDir().isEmpty();
        try {
            dir = owns ? Files.createTempDirectory("cusax-sandbox-")
                    : Files.createDirectories(options.workDir().get().toAbsolutePath());
        } catch (IOException e) {
            throw new SandboxStartException("cannot create the sandbox directory: " + e.getMessage(), e);
        }
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            SandboxCa ca = SandboxCa.create();
            Path caFile = dir.resolve("sandbox-ca.pem");
            Files.writeString(caFile, ca.certificatePem(), StandardCharsets.US_ASCII);
            SandboxDirectory directory = SandboxDirectory.open(options.domain());
            started.push(directory);
            SandboxXmppServer xmpp = SandboxXmppServer.start(SandboxXmppOptions.defaults()
                    .withDomain(options.domain()).withPort(options.xmppPort()).withCa(ca));
            started.push(xmpp);
            SandboxSip sip = SandboxSip.start(SandboxSipOptions.defaults(options.domain(), dir)
                    .withPorts(options.sipUdpPort(), options.sipTcpPort(), options.sipTlsPort()).withCa(ca)
                    .withDigestAlgorithms(options.digestAlgorithms()));
            started.push(sip);
            DemoPeers peers = DemoPeers.start(sip, dir);
            started.push(peers);
            String echoPassword = randomPassword();
            List<DemoUser> users = DemoDirectory.create(directory, xmpp, sip, dir, caFile, randomPassword(), echoPassword);
            ChatEchoPeer echo = ChatEchoPeer.start(xmpp, DemoDirectory.ECHO, echoPassword, caFile, PEER_LOGIN);
            started.push(echo);
            SandboxProvisioning provisioning = SandboxProvisioning.start(directory, ca, dir.resolve("provisioning-pki"),
                    xmpp.port(), sip.tlsPort());
            started.push(provisioning);
            Sandbox sandbox = new Sandbox(options, dir, owns, started, caFile, xmpp, sip, peers, echo, users,
                    provisioning, directory);
            LOG.info("sandbox for {} up in {}", options.domain(), dir);
            return sandbox;
        } catch (IOException | UncheckedIOException | SandboxSipException | DirectoryException | IllegalStateException
                 | IllegalArgumentException e) {
            closeAll(started);
            if (owns) {
                SandboxDirDisposal.dispose(dir, options.keepFilesIn());
            }
            throw new SandboxStartException("the sandbox could not start: " + e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            closeAll(started);
            if (owns) {
                SandboxDirDisposal.dispose(dir, options.keepFilesIn());
            }
            throw e;
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public String domain() {
        return options.domain();
    }

    /** The user directory: passwords of both halves and the numbers every person's vCard shows. */
    public SandboxDirectory directory() {
        return directory;
    }

    public SandboxXmppServer xmpp() {
        return xmpp;
    }

    public SandboxSip sip() {
        return sip;
    }

    public DemoPeers peers() {
        return peers;
    }

    public ChatEchoPeer echo() {
        return echo;
    }

    /** The directory holding the CA certificate, the client configurations, history and recordings. */
    public Path workDir() {
        return workDir;
    }

    /** The CA certificate (PEM) of both halves: what clients must trust. */
    public Path caCertificateFile() {
        return caFile;
    }

    /** The accounts people (and other clients) log in as, {@link #demoUser()} first. */
    public List<DemoUser> users() {
        return users;
    }

    /**
     * The provisioning server's URL (HTTPS, certificate of {@link #caCertificateFile()}): the demo users
     * sign in there with user id and password ({@code cusax login demo@DOMAIN --provisioning-url URL}).
     */
    public java.net.URI provisioningUrl() {
        return provisioning.url();
    }

    /** The account the demo logs in as. */
    public DemoUser demoUser() {
        return users.get(0);
    }

    /** The SIP address of the peer that answers with a spoken greeting. */
    public String greetingAor() {
        return "sip:" + DemoPeers.GREETING_USER + "@" + domain();
    }

    /** The SIP address of the peer that is always busy (486). */
    public String busyAor() {
        return "sip:" + DemoPeers.BUSY_USER + "@" + domain();
    }

    /** The XMPP address of the peer that echoes chat messages. */
    public String echoJid() {
        return echo.jid();
    }

    /**
     * Stops the peers and both servers; deletes the directory if the sandbox made it (or moves it into
     * {@link SandboxOptions#keepFilesIn()}). Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(started);
            if (ownsWorkDir) {
                SandboxDirDisposal.dispose(workDir, options.keepFilesIn());
            }
            LOG.info("sandbox for {} stopped", options.domain());
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("sandbox: {} did not stop cleanly: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
