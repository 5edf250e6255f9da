package org.cusax.sandbox.xmpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityFormatException;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.Plain;
import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.modules.extension.xep0119_xmppping.XmppPingModule;
import org.apache.vysper.xmpp.modules.roster.AskSubscriptionType;
import org.apache.vysper.xmpp.modules.roster.RosterException;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.RosterModule;
import org.apache.vysper.xmpp.modules.roster.SubscriptionType;
import org.apache.vysper.xmpp.modules.roster.persistence.MemoryRosterManager;
import org.apache.vysper.xmpp.modules.servicediscovery.ServiceDiscoveryModule;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.sandbox.pki.IssuedCertificate;
import org.cusax.sandbox.pki.ProtocolLimitedContext;
import org.cusax.sandbox.pki.SandboxCa;
import org.cusax.sandbox.xmpp.pep.PepModule;
import org.cusax.sandbox.xmpp.pep.PepStore;
import org.cusax.sandbox.xmpp.sasl.ScramSha1Mechanism;
import org.cusax.sandbox.xmpp.server.OfflineMessages;
import org.cusax.sandbox.xmpp.server.SandboxAccounts;
import org.cusax.sandbox.xmpp.server.VysperServer;
import org.cusax.sandbox.xmpp.vcard.VcardTempModule;
import org.cusax.sandbox.xmpp.vcard.VcardTempStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's XMPP server: Apache Vysper 0.7 in this process, on one loopback port, for trying and
 * testing cusax — not for production (everything is in memory and lost at {@link #stop()}).
 *
 * <p>Clients must use STARTTLS (required) with the per-run certificate for the domain, signed by
 * {@link #ca()}; they authenticate with SCRAM-SHA-1 (PLAIN too if the options say so). On top of Vysper:
 * rosters and presence, chat between online users, offline storage of chat messages (XEP-0160),
 * vcard-temp (XEP-0054) and PEP (XEP-0163) for vCard4 (XEP-0292) and reachability (XEP-0152).
 *
 * <pre>{@code
 * try (SandboxXmppServer xmpp = SandboxXmppServer.start(SandboxXmppOptions.defaults())) {
 *     String alice = xmpp.addUser("alice", "secret");
 *     xmpp.setVcardTemp(alice, "<vCard xmlns='vcard-temp'><TEL><CELL/><NUMBER>+33 6 12 34 56 78</NUMBER></TEL></vCard>");
 *     xmpp.addRosterItem(alice, bob, "Bob");   // both ways, subscription both
 *     xmpp.publishPep(bob, "urn:xmpp:vcard4", "current", "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>…</vcard>");
 *     ... clients connect to 127.0.0.1:xmpp.port() and trust xmpp.caCertificateFile() ...
 * }
 * }</pre>
 */
public final class SandboxXmppServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxXmppServer.class);
    /** The TLS versions the server accepts after STARTTLS. */
    public static final List<String> TLS_PROTOCOLS = List.of("TLSv1.2");

    private final SandboxXmppOptions options;
    private final SandboxCa ca;
    private final Path caFile;
    private final SandboxAccounts accounts;
    private final MemoryRosterManager rosters;
    private final OfflineMessages offline;
    private final VcardTempStore vcards;
    private final PepModule pep;
    private final VysperServer vysper;
    private boolean stopped;

    private SandboxXmppServer(SandboxXmppOptions options, SandboxCa ca, Path caFile, SandboxAccounts accounts,
            MemoryRosterManager rosters, OfflineMessages offline, VcardTempStore vcards, PepModule pep,
            VysperServer vysper) {
        this.options = options;
        this.ca = ca;
        this.caFile = caFile;
        this.accounts = accounts;
        this.rosters = rosters;
        this.offline = offline;
        this.vcards = vcards;
        this.pep = pep;
        this.vysper = vysper;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static SandboxXmppServer start(SandboxXmppOptions options) {
        SandboxCa ca = options.ca().orElseGet(SandboxCa::create);
        IssuedCertificate cert = ca.issue(List.of(options.domain()), ipLiteral(options.bindAddress()));
        SandboxAccounts accounts = new SandboxAccounts();
        MemoryRosterManager rosters = new MemoryRosterManager();
        OfflineMessages offline = new OfflineMessages();
        VcardTempStore vcards = new VcardTempStore();
        PepModule pep = new PepModule(new PepStore());
        List<SASLMechanism> mechanisms = new ArrayList<>();
        mechanisms.add(new ScramSha1Mechanism(accounts::credentials));
        if (options.plainSasl()) {
            mechanisms.add(new Plain());
        }
        Path caFile = writeCaFile(ca);
        VysperServer vysper;
        try {
            // TLS 1.2 only: MINA 2.0.2 under Vysper 0.7 predates TLS 1.3 and loses about one TLS 1.3 handshake
            // in eight after STARTTLS (the client then times out); TLS 1.2 with the JDK's ECDHE/AES-GCM suites does not.
            vysper = VysperServer.start(options.domain(), InetAddress.getByName(options.bindAddress()), options.port(),
                    () -> ProtocolLimitedContext.of(cert.serverContext(), TLS_PROTOCOLS), mechanisms, accounts, rosters,
                    offline, List.of(new ServiceDiscoveryModule(), new RosterModule(), new XmppPingModule(),
                            new VcardTempModule(vcards), pep));
        } catch (IOException e) {
            deleteQuietly(caFile);
            throw new UncheckedIOException("cannot listen on " + options.bindAddress() + ":" + options.port(), e);
        }
        SandboxXmppServer server = new SandboxXmppServer(options, ca, caFile, accounts, rosters, offline, vcards, pep,
                vysper);
        LOG.info("sandbox XMPP server for {} listening on {}:{} (STARTTLS required, SCRAM-SHA-1{})", options.domain(),
                options.bindAddress(), server.port(), options.plainSasl() ? ", PLAIN" : "");
        return server;
    }

    /** The client-to-server port. */
    public int port() {
        return vysper.port();
    }

    /** The address the server listens on. */
    public String host() {
        return options.bindAddress();
    }

    public String domain() {
        return options.domain();
    }

    /** The CA that signed the server certificate. */
    public SandboxCa ca() {
        return ca;
    }

    /** The CA certificate in PEM: what clients must trust. */
    public String caCertificatePem() {
        return ca.certificatePem();
    }

    /** A PEM file holding the CA certificate (deleted at {@link #stop()}). */
    public Path caCertificateFile() {
        return caFile;
    }

    /**
     * Adds (or replaces) an account.
     *
     * @param user a local part ({@code alice}) or a bare JID of this domain
     * @return the bare JID
     */
    public String addUser(String user, String password) {
        Entity jid = bare(user);
        accounts.put(jid, password);
        return jid.getFullQualifiedName();
    }

    /**
     * Adds an account known only by its SCRAM-SHA-1 credentials (as a user directory keeps them, RFC 5803);
     * PLAIN, when enabled, is checked against them too.
     */
    public String addUser(String user, org.cusax.sandbox.xmpp.sasl.ScramCredentials credentials) {
        Entity jid = bare(user);
        accounts.put(jid, credentials);
        return jid.getFullQualifiedName();
    }

    /** Adds an account with a vcard-temp vCard ({@code <vCard xmlns='vcard-temp'>…</vCard>}). */
    public String addUser(String user, String password, String vcardTempXml) {
        String jid = addUser(user, password);
        setVcardTemp(jid, vcardTempXml);
        return jid;
    }

    /** The bare JIDs of every account. */
    public Set<String> users() {
        return accounts.bareJids();
    }

    /** Whether the account exists. */
    public boolean hasUser(String user) {
        return accounts.verifyAccountExists(bare(user));
    }

    /** Sets the vcard-temp vCard (XEP-0054) of an account. */
    public void setVcardTemp(String user, String vcardTempXml) {
        vcards.put(existing(user), XmlElements.parse(vcardTempXml));
    }

    /**
     * The TEL fields of the account's vcard-temp and vCard4 belong to the user directory from now on:
     * {@code numbers} is asked at every read, so every vCard read carries the directory's numbers of that
     * moment (a vcard-temp also when none was stored) and the user's own vCard update or vCard4 publish
     * keeps its other fields only (RFC 7081 §3.1–3.2).
     */
    public void useDirectoryTels(String user, Supplier<List<PhoneNumber>> numbers) {
        Entity jid = existing(user);
        vcards.useDirectoryTels(jid, numbers);
        pep.useDirectoryTels(jid, numbers);
    }

    /**
     * Puts each account in the other's roster with subscription {@code both} (RFC 6121 §3), so that they
     * see each other's presence and PEP. Takes effect for the next roster request of online clients.
     *
     * @param nameForB the roster name {@code a} gives {@code b} (may be null)
     * @param nameForA the roster name {@code b} gives {@code a} (may be null)
     */
    public void addRosterItem(String a, String b, String nameForB, String nameForA) {
        Entity ja = existing(a);
        Entity jb = existing(b);
        if (ja.equals(jb)) {
            throw new IllegalArgumentException("an account cannot be its own contact: " + a);
        }
        try {
            rosters.addContact(ja, new RosterItem(jb, nameForB, SubscriptionType.BOTH, AskSubscriptionType.NOT_SET));
            rosters.addContact(jb, new RosterItem(ja, nameForA, SubscriptionType.BOTH, AskSubscriptionType.NOT_SET));
        } catch (RosterException e) {
            throw new IllegalStateException("cannot add " + b + " to the roster of " + a, e);
        }
    }

    /** {@link #addRosterItem(String, String, String, String)} with each side named by its local part. */
    public void addRosterItem(String a, String b) {
        addRosterItem(a, b, existing(b).getNode(), existing(a).getNode());
    }

    /**
     * Publishes an item to an account's PEP node (XEP-0163), e.g. {@code urn:xmpp:vcard4} or
     * {@code urn:xmpp:reach:0}, and notifies its contacts as if the account had published it.
     *
     * @param payloadXml the item's payload, one element
     */
    public void publishPep(String owner, String node, String itemId, String payloadXml) {
        pep.publish(existing(owner), node, itemId, XmlElements.parse(payloadXml));
    }

    /** The payload of the last item of an account's PEP node as XML, if there is one. */
    public Optional<String> pepItem(String owner, String node) {
        return pep.last(existing(owner), node).map(i -> new Renderer(i.payload())
                .getComplete());
    }

    /** How many stanzas wait in offline storage for an account. */
    public int offlineCount(String user) {
        return offline.waiting(existing(user).getFullQualifiedName());
    }

    /** Stops listening, closes every connection and the server's threads. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            vysper.stop();
        } finally {
            deleteQuietly(caFile);
            LOG.info("sandbox XMPP server for {} stopped", options.domain());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Entity existing(String user) {
        Entity jid = bare(user);
        if (!accounts.verifyAccountExists(jid)) {
            throw new IllegalArgumentException("no such sandbox account: " + jid.getFullQualifiedName());
        }
        return jid;
    }

    private Entity bare(String user) {
        String jid = user.contains("@") ? user : user + "@" + options.domain();
        try {
            Entity e = EntityImpl.parse(jid.toLowerCase(Locale.ROOT));
            if (!e.isNodeSet() || e.isResourceSet() || !options.domain().equals(e.getDomain())) {
                throw new IllegalArgumentException("not an account of " + options.domain() + ": " + user);
            }
            return e;
        } catch (EntityFormatException e) {
            throw new IllegalArgumentException("not a JID: " + user, e);
        }
    }

    private static List<String> ipLiteral(String address) {
        return address.matches("[0-9.]+|[0-9a-fA-F:]+") ? List.of(address) : List.of();
    }

    private static Path writeCaFile(SandboxCa ca) {
        try {
            Path file = Files.createTempFile("cusax-sandbox-ca-", ".pem");
            Files.writeString(file, ca.certificatePem());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox CA certificate", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.toString());
        }
    }

    /** The stored vcard-temp vCard of an account as XML, if it has one. */
    public Optional<String> vcardTemp(String user) {
        return vcards.get(existing(user)).map(e -> new Renderer(e).getComplete());
    }
}
