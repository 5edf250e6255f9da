package org.cusax.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cusax.testbed.kamailio.KamailioServer;
import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.pki.TestCa;
import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.RunOwner;
import org.cusax.testbed.process.StaleRunReaper;
import org.cusax.testbed.prosody.ProsodyServer;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.Sipp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real servers for one test run, in a fresh directory: a test CA, Prosody (XMPP) and Kamailio
 * (SIP) on 127.0.0.1 at free ports, configured from {@code deploy/}. Users created with
 * {@link #createUser(String)} exist on both with the same random password.
 * {@link #close()} stops everything (a JVM shutdown hook does it too if close is never reached).
 * The run directory names this JVM as its owner ({@link RunOwner}): should the JVM die without
 * stopping the servers, the next testbed's {@link StaleRunReaper} does.
 *
 * <pre>{@code
 * try (Testbed tb = Testbed.start(TestbedOptions.defaults())) {
 *     TestUser alice = tb.createUser("alice");
 *     connect(alice.jid(), alice.password(), tb.prosody().host(), tb.prosody().c2sPort(), tb.caCertificate());
 * }
 * }</pre>
 */
public final class Testbed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Testbed.class);
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final TestbedOptions options;
    private final ProcessHost host;
    private final Path runDir;
    private final TestCa ca;
    private final CertificateFiles serverCertificate;
    private final CertificateFiles wrongHostCertificate;
    private final Map<String, TestUser> users = new LinkedHashMap<>();
    private ProsodyServer prosody;
    private KamailioServer kamailio;
    private Sipp sipp;
    private boolean closed;

    private Testbed(TestbedOptions options, ProcessHost host, Path runDir) {
        this.options = options;
        this.host = host;
        this.runDir = runDir;
        this.ca = TestCa.create(runDir.resolve("ca"));
        this.serverCertificate = ca.issue("server", List.of(options.domain(), "localhost"), List.of("127.0.0.1"));
        this.wrongHostCertificate = ca.issueWrongHost();
    }

    /** Starts the testbed with default options (both servers, cusax.test, MD5). */
    public static Testbed start() {
        return start(TestbedOptions.defaults());
    }

    /** Starts the servers {@code options} ask for; on failure nothing is left running. */
    public static Testbed start(TestbedOptions options) {
        return start(options, ProcessHost.LOCAL);
    }

    /**
     * Starts the servers {@code options} ask for on {@code host} (e.g. an
     * {@link org.cusax.testbed.netns.IsolatedHost}, where they listen on the namespace's own
     * 127.0.0.1 and only programs run there can reach them); on failure nothing is left running.
     * Closing the testbed does not close the host.
     */
    public static Testbed start(TestbedOptions options, ProcessHost host) {
        if (options.installPackages()) {
            List<String> packages = new ArrayList<>(List.of(PackageInstaller.OPENSSL));
            if (options.prosody()) {
                packages.add(PackageInstaller.PROSODY);
            }
            if (options.kamailio()) {
                packages.add(PackageInstaller.KAMAILIO);
                packages.add(PackageInstaller.KAMAILIO_TLS);
            }
            PackageInstaller.ensure(packages);
        }
        Path runDir;
        try {
            runDir = options.baseDir() == null ? Files.createTempDirectory("cusax-testbed-")
                    : Files.createTempDirectory(Files.createDirectories(options.baseDir()), "cusax-testbed-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory: " + e.getMessage(), e);
        }
        // the servers of this run are ours: if this JVM dies without stopping them, the next one does
        RunOwner.current().claim(runDir);
        StaleRunReaper.reapOnce();
        Testbed tb = null;
        try {
            tb = new Testbed(options, host, runDir);
            if (options.prosody()) {
                tb.prosody = new ProsodyServer(runDir.resolve("prosody"), options.domain(), tb.serverCertificate,
                        tb.wrongHostCertificate, options.startTimeout(), options.verboseLogs(), host);
                tb.prosody.start();
            }
            if (options.kamailio()) {
                tb.kamailio = new KamailioServer(runDir.resolve("kamailio"), options.domain(),
                        options.digestAlgorithm(), tb.serverCertificate, tb.wrongHostCertificate,
                        options.startTimeout(), options.verboseLogs(), host);
                tb.kamailio.start();
            }
            LOG.info("testbed up in {}", runDir);
            return tb;
        } catch (RuntimeException e) {
            if (tb != null) {
                tb.closeQuietly(true);
            }
            throw e;
        }
    }

    /** Where the servers run: {@link ProcessHost#LOCAL} or an isolated namespace. */
    public ProcessHost host() {
        return host;
    }

    public TestbedOptions options() {
        return options;
    }

    /** The XMPP and SIP domain. */
    public String domain() {
        return options.domain();
    }

    /** The directory of this run (configs, data, logs, certificates, client configs). */
    public Path runDir() {
        return runDir;
    }

    public TestCa ca() {
        return ca;
    }

    /** The CA certificate (PEM) that clients must trust. */
    public Path caCertificate() {
        return ca.certificate();
    }

    /** The servers' certificate: SAN DNS:domain, DNS:localhost, IP:127.0.0.1. */
    public CertificateFiles serverCertificate() {
        return serverCertificate;
    }

    /** A certificate for {@code wrong.example} only, signed by the same CA. */
    public CertificateFiles wrongHostCertificate() {
        return wrongHostCertificate;
    }

    public boolean hasProsody() {
        return prosody != null;
    }

    public boolean hasKamailio() {
        return kamailio != null;
    }

    /** The last {@code lines} log lines of each server running here (Prosody, then Kamailio), for a failure report. */
    public String serverLogTails(int lines) {
        StringBuilder b = new StringBuilder();
        if (hasProsody()) {
            b.append(prosody().logTail(lines));
        }
        if (hasKamailio()) {
            b.append(kamailio().logTail(lines));
        }
        return b.toString();
    }

    /** Prosody; fails if this testbed runs without it. */
    public ProsodyServer prosody() {
        if (prosody == null) {
            throw new IllegalStateException("this testbed was started without Prosody");
        }
        return prosody;
    }

    /** Kamailio; fails if this testbed runs without it. */
    public KamailioServer kamailio() {
        if (kamailio == null) {
            throw new IllegalStateException("this testbed was started without Kamailio");
        }
        return kamailio;
    }

    /** sipp against this testbed's Kamailio (UDP), on the testbed's host; installs sip-tester if missing. */
    public synchronized Sipp sipp() {
        if (sipp == null) {
            sipp = new Sipp(runDir.resolve("sipp"), KamailioServer.HOST, kamailio().udpPort(), domain(), host);
        }
        return sipp;
    }

    /**
     * Creates {@code name} on every server of the run with a new random password (20 letters and
     * digits). Names are lower-case; each can be created once per run.
     */
    public synchronized TestUser createUser(String name) {
        if (!USER.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must match " + USER + ": " + name);
        }
        if (users.containsKey(name)) {
            throw new IllegalArgumentException("user " + name + " already exists in this run");
        }
        TestUser user = new TestUser(name, domain(), randomPassword());
        if (prosody != null) {
            prosody.addUser(name, user.password());
        }
        if (kamailio != null) {
            kamailio.addUser(name, user.password());
        }
        users.put(name, user);
        return user;
    }

    /**
     * Creates a SIP-only account named by its E.164 number ({@code +4915123456789}), as telephony
     * providers name theirs: its AOR is {@code sip:+4915123456789@domain}, which is also the
     * digest user name and the From a caller on it presents. It has no XMPP account (a phone line
     * is not a chat user). New random password as for {@link #createUser(String)}.
     */
    public synchronized TestUser createPhoneUser(String e164) {
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number (+ and up to 15 digits): " + e164);
        }
        if (users.containsKey(e164)) {
            throw new IllegalArgumentException("user " + e164 + " already exists in this run");
        }
        TestUser user = new TestUser(e164, domain(), randomPassword());
        kamailio().addUser(e164, user.password());
        users.put(e164, user);
        return user;
    }

    /** A user created earlier in this run. */
    public synchronized TestUser user(String name) {
        TestUser u = users.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no user " + name + " in this run");
        }
        return u;
    }

    public synchronized List<TestUser> users() {
        return List.copyOf(users.values());
    }

    /**
     * Writes {@code <runDir>/<name>.conf} (cusax.conf format) and the password file
     * {@code <runDir>/<name>.password} (mode 600) for {@code user}; SIP over {@code transport}.
     */
    public Path writeClientConfig(TestUser user, SipTransport transport) {
        return new ClientConfigWriter(this).write(user, transport);
    }

    /** Stops every server; deletes the run directory unless asked to keep it. */
    @Override
    public synchronized void close() {
        closeQuietly(options.keep());
    }

    private void closeQuietly(boolean keep) {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (Runnable stop : new Runnable[] {
                () -> { if (kamailio != null) { kamailio.stop(); } },
                () -> { if (prosody != null) { prosody.stop(); } } }) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        org.cusax.testbed.secrets.RunDirectoryCheck.record(runDir); // servers stopped: their logs are complete
        if (keep) {
            LOG.info("testbed run directory kept: {}", runDir);
        } else {
            deleteTree(runDir);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String randomPassword() {
        return org.cusax.testbed.secrets.TestPasswords.next();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
