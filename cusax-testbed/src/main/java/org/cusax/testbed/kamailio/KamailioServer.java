package org.cusax.testbed.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cusax.testbed.deploy.DeployTemplate;
import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;
import org.cusax.testbed.process.Waits;
import org.cusax.testbed.sip.SipProbe;
import org.cusax.testbed.sip.SipTransport;

/**
 * Kamailio 5.6 for one run, from {@code deploy/kamailio/kamailio.cfg}: registrar and stateful
 * proxy for the domain on {@value #HOST}, UDP, TCP and TLS at free ports chosen once. Users live in
 * a file of the run directory, so they survive {@link #restart()} and {@link #kill9()}; registrar
 * bindings are in memory only and are lost (clients must re-register, as after a real restart).
 */
public final class KamailioServer {

    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** Template in deploy/. */
    public static final String TEMPLATE = "kamailio/kamailio.cfg";

    /** A plain user name, or an E.164 number as telephony providers name their accounts (+4915123456789). */
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}|\\+[1-9][0-9]{1,14}");
    private static final int MAX_UNIX_SOCKET_PATH = 100;

    private final Path dir;
    private final String domain;
    private final int udpPort;
    private final int tcpPort;
    private final int tlsPort;
    private final CertificateFiles certificate;
    private final CertificateFiles wrongHostCertificate;
    private final Duration startTimeout;
    private final boolean verbose;
    private final Path configFile;
    private final Path runtimeDir;
    private final Path ctlSocket;
    private final UsersTable users;
    private final ServerProcess process;
    private final ProcessHost host;
    private DigestAlgorithm algorithm;
    private boolean wrongHost;
    private String directoryUrl;
    private CertificateFiles replacement;
    /** TLS versions served unless told otherwise (the deploy/ default). */
    public static final String DEFAULT_TLS_METHOD = "TLSv1.2+";
    private String tlsMethod = DEFAULT_TLS_METHOD;

    /**
     * Prepares (does not start) a server in {@code dir}.
     *
     * @param dir                  run directory of this server (created)
     * @param domain               the SIP domain, also the digest realm
     * @param algorithm            digest algorithm of the challenges
     * @param certificate          TLS certificate for the domain
     * @param wrongHostCertificate certificate used after {@link #useWrongHostCertificate(boolean)}
     * @param startTimeout         how long {@link #start()} waits for readiness
     * @param verbose              debug-level server log
     */
    public KamailioServer(Path dir, String domain, DigestAlgorithm algorithm, CertificateFiles certificate,
            CertificateFiles wrongHostCertificate, Duration startTimeout, boolean verbose) {
        this(dir, domain, algorithm, certificate, wrongHostCertificate, startTimeout, verbose, ProcessHost.LOCAL);
    }

    /**
     * Like the other constructor, with the server running on {@code host} (e.g. an isolated
     * namespace, whose 127.0.0.1 is its own); kamcmd reaches it through its unix socket.
     */
    public KamailioServer(Path dir, String domain, DigestAlgorithm algorithm, CertificateFiles certificate,
            CertificateFiles wrongHostCertificate, Duration startTimeout, boolean verbose, ProcessHost host) {
        this.host = host;
        this.dir = dir;
        this.domain = domain;
        this.algorithm = algorithm;
        this.certificate = certificate;
        this.wrongHostCertificate = wrongHostCertificate;
        this.startTimeout = startTimeout;
        this.verbose = verbose;
        this.udpPort = FreePorts.next();
        this.tcpPort = FreePorts.next();
        this.tlsPort = FreePorts.next();
        this.configFile = dir.resolve("kamailio.cfg");
        this.runtimeDir = dir.resolve("run");
        this.ctlSocket = runtimeDir.resolve("ctl.sock");
        if (ctlSocket.toString().length() > MAX_UNIX_SOCKET_PATH) {
            throw new IllegalArgumentException("run directory path too long for a unix socket: " + ctlSocket);
        }
        try {
            Files.createDirectories(runtimeDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.users = new UsersTable(dir.resolve("users").resolve("users"));
        render();
        this.process = new ServerProcess("kamailio",
                host.command(List.of("kamailio", "-f", configFile.toString(), "-DD", "-E",
                        "-P", runtimeDir.resolve("kamailio.pid").toString(),
                        "-Y", runtimeDir.toString(), "-w", runtimeDir.toString(), "-m", "64", "-M", "8")),
                Map.of(), dir, logFile(), List.of());
    }

    public String domain() {
        return domain;
    }

    public String host() {
        return HOST;
    }

    public int udpPort() {
        return udpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** The port of {@code transport}. */
    public int port(SipTransport transport) {
        return switch (transport) {
            case UDP -> udpPort;
            case TCP -> tcpPort;
            case TLS -> tlsPort;
        };
    }

    /** The rendered configuration of this run. */
    public Path configFile() {
        return configFile;
    }

    /** Kamailio's log (its stderr). */
    public Path logFile() {
        return dir.resolve("kamailio.log");
    }

    /** The kamcmd control socket ({@code kamcmd -s unix:PATH ...}). */
    public Path ctlSocket() {
        return ctlSocket;
    }

    public synchronized DigestAlgorithm digestAlgorithm() {
        return algorithm;
    }

    /** Digest algorithm of the challenges from the next (re)start on. */
    public synchronized void setDigestAlgorithm(DigestAlgorithm newAlgorithm) {
        this.algorithm = newAlgorithm;
        render();
    }

    /** Serves {@code certificate} (e.g. an expired one) from the next (re)start on; null = the normal one. */
    public synchronized void useCertificate(CertificateFiles certificate) {
        this.replacement = certificate;
        render();
    }

    /**
     * The TLS versions served from the next (re)start on: Kamailio's {@code tls_method}, e.g.
     * {@code TLSv1.2} (that version only); null = the default {@value #DEFAULT_TLS_METHOD}.
     */
    public synchronized void useTlsMethod(String method) {
        this.tlsMethod = method == null ? DEFAULT_TLS_METHOD : method;
        render();
    }

    /**
     * Serve the wrong-host certificate (valid chain, name {@code wrong.example}) on the TLS port
     * from the next (re)start on.
     */
    public synchronized void useWrongHostCertificate(boolean wrong) {
        this.wrongHost = wrong;
        render();
    }

    /**
     * Take digest credentials from the cusax user directory at {@code postgresUrl}
     * ({@code postgres://USER@HOST:PORT/DB}) instead of the users table, from the next (re)start on;
     * null = the users table again.
     */
    public synchronized void useDirectory(String postgresUrl) {
        if (postgresUrl != null) {
            org.cusax.testbed.process.PackageInstaller.ensure(org.cusax.testbed.process.PackageInstaller.KAMAILIO_POSTGRES);
        }
        this.directoryUrl = postgresUrl;
        render();
    }

    /**
     * Starts the server and waits until UDP answers OPTIONS and TCP, TLS and kamcmd are open (on
     * another host: until UDP is bound, TCP and TLS accept and kamcmd answers).
     */
    public synchronized void start() {
        if (host != ProcessHost.LOCAL) {
            process.start(startTimeout, () -> Files.exists(ctlSocket) && host.udpBound(HOST, udpPort)
                    && host.tcpOpen(HOST, tcpPort) && host.tcpOpen(HOST, tlsPort)
                    && kamcmdResult("core.uptime").ok());
            return;
        }
        SipProbe probe = probe().timeout(Duration.ofMillis(700));
        process.start(startTimeout, () -> Files.exists(ctlSocket)
                && Waits.tcpOpen(HOST, tcpPort) && Waits.tcpOpen(HOST, tlsPort) && probe.keepalive() == 200);
    }

    /** Where the server runs. */
    public ProcessHost processHost() {
        return host;
    }

    /** Graceful stop (SIGTERM). Users stay; bindings are gone. */
    public synchronized void stop() {
        process.stop();
    }

    /** Stop, then start with the same ports and users. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** SIGKILL of every Kamailio process, like a crash; {@link #start()} brings it back. */
    public synchronized void kill9() {
        process.kill9();
    }

    public synchronized boolean isRunning() {
        return process.isRunning();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** The last lines of the server's log. */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    /**
     * Adds user {@code user} (digest user name = user part of the AOR) with a plaintext password,
     * or changes its password. Takes effect at once when running (htable reload), and survives
     * restarts.
     */
    public synchronized void addUser(String user, String password) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user name must match " + USER + ": " + user);
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("empty password");
        }
        users.put(user, password);
        if (isRunning()) {
            kamcmd("htable.reload", "users");
            String check = kamcmdResult("htable.get", "users", "s:" + user).output();
            if (!check.contains("name: " + user)) {
                throw new IllegalStateException("user " + user + " missing from Kamailio's htable after reload");
            }
        }
    }

    /** The current registrar bindings of {@code user} (empty when not registered). */
    public List<Binding> registeredContacts(String user) {
        Command.Result r = kamcmdResult("ul.lookup", "location", "s:" + user);
        if (!r.ok() || r.output().contains("AOR not found")) {
            if (r.output().contains("AOR not found")) {
                return List.of();
            }
            throw new IllegalStateException("kamcmd ul.lookup failed: " + r.output());
        }
        return BindingParser.parse(r.output());
    }

    /** Waits until {@code user} has at least one binding; false if {@code limit} passes first. */
    public boolean awaitRegistered(String user, Duration limit) {
        return Waits.until(limit, () -> !registeredContacts(user).isEmpty());
    }

    /** Waits until {@code user} has no binding; false if {@code limit} passes first. */
    public boolean awaitUnregistered(String user, Duration limit) {
        return Waits.until(limit, () -> registeredContacts(user).isEmpty());
    }

    /** A probe sending OPTIONS and REGISTER over UDP to this server. */
    public SipProbe probe() {
        return new SipProbe(HOST, udpPort, domain);
    }

    /** Runs {@code kamcmd -s unix:CTL ARGS} and returns its output; throws if it fails. */
    public String kamcmd(String... args) {
        Command.Result r = kamcmdResult(args);
        if (!r.ok() || r.output().startsWith("error:")) {
            throw new IllegalStateException("kamcmd " + String.join(" ", args) + " failed: " + r.output().strip());
        }
        return r.output();
    }

    private Command.Result kamcmdResult(String... args) {
        Command c = Command.of("kamcmd", "-s", "unix:" + ctlSocket);
        for (String a : args) {
            c.arg(a);
        }
        return c.timeout(Duration.ofSeconds(10)).run();
    }

    private void render() {
        CertificateFiles cert = replacement != null ? replacement : wrongHost ? wrongHostCertificate : certificate;
        String site = "# rendered by cusax-testbed for this run\n"
                + "#!substdef \"!CUSAX_DOMAIN!" + safe(domain) + "!g\"\n"
                + "#!define CUSAX_DIGEST_ALGORITHM \"" + algorithm.token() + "\"\n"
                + "#!substdef \"!CUSAX_USERS_DIR!" + safe(users.file().getParent().toString()) + "!g\"\n"
                + "#!substdef \"!CUSAX_CTL_SOCKET!unix:" + safe(ctlSocket.toString()) + "!g\"\n"
                + "#!substdef \"!CUSAX_TLS_CERTIFICATE!" + safe(cert.certificate().toString()) + "!g\"\n"
                + "#!substdef \"!CUSAX_TLS_PRIVATE_KEY!" + safe(cert.privateKey().toString()) + "!g\"\n"
                + "#!substdef \"!CUSAX_TLS_METHOD!" + safe(tlsMethod) + "!g\"\n"
                + "#!define CUSAX_DEBUG " + (verbose ? 3 : 2) + "\n"
                + (directoryUrl == null ? "" : "#!define CUSAX_DIRECTORY_DB\n"
                        + "#!substdef \"!CUSAX_DIRECTORY_URL!" + safe(directoryUrl) + "!g\"\n"
                        + "#!substdef \"!CUSAX_HA1_COLUMN!" + (algorithm == DigestAlgorithm.MD5 ? "ha1_md5" : "ha1_sha256")
                        + "!g\"\n")
                + "listen=udp:" + HOST + ":" + udpPort + "\n"
                + "listen=tcp:" + HOST + ":" + tcpPort + "\n"
                + "listen=tls:" + HOST + ":" + tlsPort + "\n";
        DeployTemplate.load(TEMPLATE).renderTo(configFile, site);
    }

    private static String safe(String value) {
        if (value.contains("!") || value.contains("\"") || value.contains("\n") || value.contains(" ")) {
            throw new IllegalArgumentException("value not allowed in the Kamailio configuration: " + value);
        }
        return value;
    }
}
