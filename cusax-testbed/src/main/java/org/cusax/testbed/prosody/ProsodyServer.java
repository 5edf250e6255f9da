package org.cusax.testbed.prosody;

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

/**
 * Prosody 0.12 for one run, from {@code deploy/prosody/prosody.cfg.lua}, listening for clients on
 * {@value #HOST} at a free port chosen once: {@link #restart()} and {@link #kill9()} followed by
 * {@link #start()} keep the port and the data (users, rosters, vCards) of the run.
 */
public final class ProsodyServer {

    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** Template in deploy/. */
    public static final String TEMPLATE = "prosody/prosody.cfg.lua";

    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path dir;
    private final String domain;
    private final int c2sPort;
    private final CertificateFiles certificate;
    private final CertificateFiles wrongHostCertificate;
    private final Duration startTimeout;
    private final boolean verbose;
    private final Path configFile;
    private final ServerProcess process;
    private final ProcessHost host;
    private boolean wrongHost;
    private Directory directory;

    /** Where the cusax user directory lives (PostgreSQL, trust or peer authentication in tests). */
    public record Directory(String host, int port, String database, String user) {
    }
    private CertificateFiles replacement;
    /** TLS versions served unless told otherwise (the deploy/ default). */
    public static final String DEFAULT_TLS_PROTOCOL = "tlsv1_2+";
    private String tlsProtocol = DEFAULT_TLS_PROTOCOL;
    private boolean withoutTls;

    /**
     * From the next (re)start on: {@code false} serves clients without TLS (no STARTTLS offered, encryption
     * not required, as a misconfigured or downgraded server would), {@code true} the deploy/ default.
     */
    public synchronized void offerStartTls(boolean offered) {
        this.withoutTls = !offered;
        render();
    }

    /**
     * The TLS versions served from the next (re)start on: LuaSec's {@code protocol}, e.g. {@code tlsv1_2}
     * (that version only); null = the default {@value #DEFAULT_TLS_PROTOCOL}.
     */
    public synchronized void useTlsProtocol(String protocol) {
        this.tlsProtocol = protocol == null ? DEFAULT_TLS_PROTOCOL : protocol;
        render();
    }

    /**
     * Prepares (does not start) a server in {@code dir}.
     *
     * @param dir                  run directory of this server (created)
     * @param domain               the XMPP domain (virtual host)
     * @param certificate          TLS certificate for the domain
     * @param wrongHostCertificate certificate used after {@link #useWrongHostCertificate(boolean)}
     * @param startTimeout         how long {@link #start()} waits for the port to open
     * @param verbose              debug-level server log
     */
    public ProsodyServer(Path dir, String domain, CertificateFiles certificate, CertificateFiles wrongHostCertificate,
            Duration startTimeout, boolean verbose) {
        this(dir, domain, certificate, wrongHostCertificate, startTimeout, verbose, ProcessHost.LOCAL);
    }

    /** Like the other constructor, with the server running on {@code host} (e.g. an isolated namespace). */
    public ProsodyServer(Path dir, String domain, CertificateFiles certificate, CertificateFiles wrongHostCertificate,
            Duration startTimeout, boolean verbose, ProcessHost host) {
        this.host = host;
        this.dir = dir;
        this.domain = domain;
        this.certificate = certificate;
        this.wrongHostCertificate = wrongHostCertificate;
        this.startTimeout = startTimeout;
        this.verbose = verbose;
        this.c2sPort = FreePorts.next();
        this.configFile = dir.resolve("prosody.cfg.lua");
        try {
            Files.createDirectories(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        render();
        this.process = new ServerProcess("prosody", host.command(List.of("prosody", "--config", configFile.toString(), "-F")),
                Map.of(), dir, dir.resolve("prosody.stdout.log"), List.of(logFile()));
    }

    public String domain() {
        return domain;
    }

    public String host() {
        return HOST;
    }

    public int c2sPort() {
        return c2sPort;
    }

    /** The rendered configuration of this run. */
    public Path configFile() {
        return configFile;
    }

    /** Prosody's own log file. */
    public Path logFile() {
        return dir.resolve("prosody.log");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Direct access to this server's storage files, for seeding large data sets (see {@link ProsodyStorage}). */
    public ProsodyStorage storage() {
        return new ProsodyStorage(dataDir(), domain);
    }

    /** Serves {@code certificate} (e.g. an expired one) from the next (re)start on; null = the normal one. */
    public synchronized void useCertificate(CertificateFiles certificate) {
        this.replacement = certificate;
        render();
    }

    /**
     * Take accounts from the cusax user directory (deploy/prosody/modules/mod_auth_cusax_directory.lua)
     * instead of Prosody's own store, from the next (re)start on; null = Prosody's store again.
     */
    public synchronized void useDirectory(Directory newDirectory) {
        if (newDirectory != null) {
            org.cusax.testbed.process.PackageInstaller.ensure(org.cusax.testbed.process.PackageInstaller.LUA_DBI_POSTGRESQL);
            try {
                Path modules = Files.createDirectories(dir.resolve("modules"));
                for (String module : List.of("mod_auth_cusax_directory.lua", "mod_cusax_vcard_tel.lua")) {
                    Files.writeString(modules.resolve(module), DeployTemplate.load("prosody/modules/" + module).text());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.directory = newDirectory;
        render();
    }

    /**
     * Serve the wrong-host certificate (valid chain, name {@code wrong.example}) instead of the
     * domain's one, from the next (re)start on.
     */
    public synchronized void useWrongHostCertificate(boolean wrong) {
        this.wrongHost = wrong;
        render();
    }

    /** Starts the server and waits until the client port accepts connections. */
    public synchronized void start() {
        long logStart = logSize();
        process.start(startTimeout, () -> host.tcpOpen(HOST, c2sPort), () -> fatalLogLine(logStart));
    }

    /**
     * Prosody keeps running when it cannot bind its port, read its certificate or apply the configuration's
     * garbage-collector settings ({@code gc}, deploy/prosody: without them it runs at several times the CPU):
     * spot that in the log.
     */
    private String fatalLogLine(long from) {
        try {
            if (!Files.exists(logFile())) {
                return null;
            }
            String text = Files.readString(logFile());
            String fresh = text.length() > from ? text.substring((int) from) : "";
            for (String line : fresh.split("\n")) {
                if (line.contains("Failed to open server port") || line.contains("Error loading")
                        || line.contains("Failed to apply GC configuration")
                        || (line.contains("\terror\t") && line.contains("certificate"))) {
                    return line.strip();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile()) ? Files.size(logFile()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Graceful stop (SIGTERM); data stays. */
    public synchronized void stop() {
        process.stop();
    }

    /** Stop, then start with the same port and data. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** SIGKILL, like a crash; {@link #start()} brings it back with the same port and data. */
    public synchronized void kill9() {
        process.kill9();
    }

    public synchronized boolean isRunning() {
        return process.isRunning();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** The last lines of the server's logs. */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    /**
     * Creates the account {@code user@domain} (or sets its password), whether the server runs or
     * not; SCRAM credentials are stored, never the password. The password is passed on stdin.
     */
    public void addUser(String user, String password) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user name must match " + USER + ": " + user);
        }
        if (password.isEmpty() || password.contains("\n")) {
            throw new IllegalArgumentException("password must be one non-empty line");
        }
        Command.Result r = Command.of("prosodyctl", "--config", configFile.toString(), "register", user, domain)
                .stdin(password + "\n" + password + "\n").directory(dir).timeout(Duration.ofSeconds(30)).run();
        if (!r.ok()) {
            throw new IllegalStateException("prosodyctl register " + user + " " + domain + " failed (exit "
                    + r.exitCode() + "):\n" + Command.tail(r.output(), 10));
        }
    }

    private void render() {
        CertificateFiles cert = replacement != null ? replacement : wrongHost ? wrongHostCertificate : certificate;
        String site = "-- rendered by cusax-testbed for this run\n"
                + "local domain = " + lua(domain) + "\n"
                + "local c2s_address = " + lua(HOST) + "\n"
                + "local c2s_port = " + c2sPort + "\n"
                + "local base_dir = " + lua(dir.toString()) + "\n"
                + "local tls_certificate = " + lua(cert.certificate().toString()) + "\n"
                + "local tls_key = " + lua(cert.privateKey().toString()) + "\n"
                + "local log_level = " + lua(verbose ? "debug" : "info") + "\n"
                + "local tls_protocol = " + lua(tlsProtocol) + "\n"
                + "local c2s_without_tls = " + withoutTls + "\n"
                + (directory == null ? "local directory_sql = nil\nlocal directory_modules = nil\n"
                        : "local directory_sql = { driver = \"PostgreSQL\", database = " + lua(directory.database())
                                + ", host = " + lua(directory.host()) + ", port = " + directory.port() + ", username = "
                                + lua(directory.user()) + " }\n"
                                + "local directory_modules = " + lua(dir.resolve("modules").toString()) + "\n");
        DeployTemplate.load(TEMPLATE).renderTo(configFile, site);
    }

    private static String lua(String s) {
        if (s.contains("\"") || s.contains("\\") || s.contains("\n")) {
            throw new IllegalArgumentException("value not allowed in the Prosody configuration: " + s);
        }
        return "\"" + s + "\"";
    }
}
