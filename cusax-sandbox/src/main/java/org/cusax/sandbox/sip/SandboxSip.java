package org.cusax.sandbox.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;

import gov.nist.javax.sip.SipStackImpl;

import org.cusax.sandbox.pki.IssuedCertificate;
import org.cusax.sandbox.pki.SandboxCa;
import org.cusax.sip.stack.Slf4jServerLogger;
import org.cusax.sip.stack.Slf4jStackLogger;
import org.cusax.sip.stack.StackShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of the sandbox, running: a registrar and stateful proxy for one domain on 127.0.0.1
 * over UDP, TCP and TLS (a per-run certificate for the domain and 127.0.0.1, issued by a
 * {@link SandboxCa}: the one of the whole sandbox, or a new one). Start with
 * {@link #start}, add users with {@link #addUser}, stop with {@link #stop} (or close).
 */
public final class SandboxSip implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxSip.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SandboxSipOptions options;
    private final SipStackImpl stack;
    private final SandboxNetworkLayer layer;
    private final SipProvider provider;
    private final SipProxy proxy;
    private final SandboxUsers users;
    private final LocationService location;
    private final Path caCertificate;
    private final int udpPort;
    private final int tcpPort;
    private final int tlsPort;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private SandboxSip(SandboxSipOptions options, SipStackImpl stack, SandboxNetworkLayer layer, SipProvider provider,
                       SipProxy proxy,
                       SandboxUsers users, LocationService location, Path caCertificate, int[] ports) {
        this.options = options;
        this.stack = stack;
        this.layer = layer;
        this.provider = provider;
        this.proxy = proxy;
        this.users = users;
        this.location = location;
        this.caCertificate = caCertificate;
        this.udpPort = ports[0];
        this.tcpPort = ports[1];
        this.tlsPort = ports[2];
    }

    /** Makes the certificate, opens the three listeners and starts serving. */
    public static SandboxSip start(SandboxSipOptions options) throws SandboxSipException {
        SandboxCa ca = options.ca().orElseGet(SandboxCa::create);
        IssuedCertificate cert = ca.issue(List.of(options.domain()), List.of(options.host()));
        Path caFile;
        try {
            Path pki = Files.createDirectories(options.workDir().resolve("sip-pki"));
            caFile = pki.resolve("ca.pem");
            Files.writeString(caFile, ca.certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SandboxSipException("cannot write the sandbox SIP CA certificate: " + e.getMessage(), e);
        }
        SSLContext tls = cert.serverContext();
        SipStackImpl stack;
        try {
            stack = new SipStackImpl(properties(options, tls));
        } catch (PeerUnavailableException e) {
            throw new SandboxSipException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        if (!(stack.getNetworkLayer() instanceof SandboxNetworkLayer layer)) {
            stack.stop();
            throw new SandboxSipException("JAIN-SIP did not take the sandbox network layer", null);
        }
        layer.configure(tls, TLS_PROTOCOLS);
        if (!(stack.getRouter() instanceof ConnectionAliasRouter router)) {
            stack.stop();
            throw new SandboxSipException("JAIN-SIP did not take the sandbox router", null);
        }
        try {
            ListeningPoint udp = listen(stack, options.host(), options.udpPort(), ListeningPoint.UDP);
            ListeningPoint tcp = listen(stack, options.host(), options.tcpPort(), ListeningPoint.TCP);
            ListeningPoint tlsLp = listen(stack, options.host(), options.tlsPort(), ListeningPoint.TLS);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addListeningPoint(tlsLp);
            SipFactory factory = SipFactory.getInstance();
            var headers = factory.createHeaderFactory();
            var addresses = factory.createAddressFactory();
            var messages = factory.createMessageFactory();
            Clock clock = Clock.systemUTC();
            SandboxUsers users = new SandboxUsers();
            LocationService location = new LocationService(clock);
            DigestGuard guard = new DigestGuard(options.domain(), options.digestAlgorithms(), users, headers, clock);
            Replies replies = new Replies(messages);
            Registrar registrar = new Registrar(options.domain(), location, guard, replies, headers, addresses, clock);
            int[] ports = {udp.getPort(), tcp.getPort(), tlsLp.getPort()};
            SipProxy proxy = new SipProxy(options.domain(), options.host(), Set.of(ports[0], ports[1], ports[2]),
                    provider, headers, addresses, users, location, guard, registrar, replies, router);
            provider.addSipListener(proxy);
            stack.start();
            SandboxSip sip = new SandboxSip(options, stack, layer, provider, proxy, users, location, caFile, ports);
            LOG.info("sandbox SIP for {} on {}: udp {}, tcp {}, tls {}", options.domain(), options.host(), ports[0],
                    ports[1], ports[2]);
            return sip;
        } catch (SipException | InvalidArgumentException | TooManyListenersException | IOException e) {
            stop(stack, layer, null);
            throw new SandboxSipException("cannot start the sandbox SIP listeners: " + e.getMessage(), e);
        }
    }

    private static Properties properties(SandboxSipOptions o, SSLContext tls) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "cusax-sandbox-sip-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.IP_ADDRESS", o.host());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "gov.nist.javax.sip.stack.OIOMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", SandboxNetworkLayer.class.getName());
        p.setProperty("javax.sip.ROUTER_PATH", ConnectionAliasRouter.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "32");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", TLS_PROTOCOLS));
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                String.join(",", tls.getDefaultSSLParameters().getCipherSuites()));
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "256");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        return p;
    }

    /** JAIN-SIP refuses port 0, so a free port is picked first (and again if taken in between). */
    private static ListeningPoint listen(SipStackImpl stack, String host, int port, String transport)
            throws SipException, InvalidArgumentException, IOException {
        if (port != 0) {
            return stack.createListeningPoint(host, port, transport);
        }
        SipException last = null;
        for (int i = 0; i < 5; i++) {
            try {
                return stack.createListeningPoint(host, freePort(host, transport), transport);
            } catch (SipException e) {
                last = e;
            }
        }
        throw last;
    }

    private static int freePort(String host, String transport) throws IOException {
        InetAddress a = InetAddress.getByName(host);
        if (transport.equals(ListeningPoint.UDP)) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(a, 0))) {
                return s.getLocalPort();
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(a, 0));
            return s.getLocalPort();
        }
    }

    /** Adds (or replaces) a SIP user {@code sip:user@domain} with its password. */
    public void addUser(String user, String password) {
        users.add(user, password);
    }

    /**
     * Adds (or replaces) a SIP user known only by its digest HA1 values for realm {@link #domain()}, keyed
     * by algorithm ({@code MD5}, {@code SHA-256}), as a user directory keeps them.
     */
    public void addUserWithHa1(String user, java.util.Map<String, String> ha1ByAlgorithm) {
        users.addHashed(user, ha1ByAlgorithm);
    }

    /**
     * Gives an existing user a global number ({@code +33 6 12 34 56 78}): {@code tel:+33612345678} and
     * {@code sip:+33612345678@domain} then reach that user (a one-domain number plan).
     */
    public void addNumber(String globalNumber, String user) {
        users.addNumber(globalNumber, user);
    }

    /** The digest algorithms offered in challenges, in order (RFC 8760 names). */
    public List<String> digestAlgorithms() {
        return options.digestAlgorithms();
    }

    public String domain() {
        return options.domain();
    }

    public String host() {
        return options.host();
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

    /** The CA certificate (PEM file) clients trust for the TLS listener. */
    public Path caCertificate() {
        return caCertificate;
    }

    public String caCertificatePem() {
        try {
            return Files.readString(caCertificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live contacts registered for {@code user}, most recent last. */
    public List<String> contactsOf(String user) {
        return location.lookup(LocationService.aor(user, options.domain())).stream()
                .map(b -> b.contact().toString()).toList();
    }

    /** Every live address-of-record and its contacts. */
    public Map<String, List<Binding>> registrations() {
        return location.snapshot();
    }

    /** Stops the listeners and the stack; idempotent. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            provider.removeSipListener(proxy);
            stop(stack, layer, provider);
            LOG.info("sandbox SIP for {} stopped", options.domain());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the stack and wakes JAIN-SIP 1.3.0-91's event-scanner thread, which would otherwise stay
     * blocked forever (the same workaround as cusax-sip's stack adapter); then closes every socket the
     * stop left open, such as a TLS connection accepted while a client was stopping (see
     * {@link org.cusax.sip.net.StackSockets}).
     */
    private static void stop(SipStackImpl stack, SandboxNetworkLayer layer, SipProvider provider) {
        StackShutdown.stop(stack, layer.sockets(), provider);
    }
}
