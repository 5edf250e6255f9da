package org.cusax.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.EndReason;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.sandbox.demo.DemoUser;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.xmpp.SmackChatPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole sandbox: the demo user logs in with the configuration file the sandbox wrote (our own
 * adapters, TLS verified against the one sandbox CA on both halves), sees its contacts with their
 * addresses from vcard-temp (XEP-0054) and vCard4 (XEP-0292), gets its chat echoed, and reaches the
 * busy peer by its global number (RFC 3966 {@code tel:} through the sandbox number plan → 486).
 */
class SandboxIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Sandbox sandbox;
    private static CusaxClient demo;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        demo = client(sandbox.demoUser());
        demo.start();
        assertThat(demo.awaitSettled(WAIT).allOnline()).as("%s", demo.status()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static CusaxClient client(DemoUser user) {
        ClientConfig config = new ClientConfigLoader(Map.of(), Path.of(System.getProperty("user.home")))
                .load(ConfigFile.read(user.configFile()));
        Optional<ChatPort> chat = config.link().chat().map(a -> new SmackChatPort(a, config.xmpp(), config.reconnect(),
                config.contacts(), config.link().telephony().map(t -> t.address())));
        Optional<TelephonyPort> tel = config.link().telephony().map(a -> new JainSipTelephonyPort(a, config.sip(),
                config.reconnect(), config.link().linkedJid()));
        return new CusaxClient(config.link(), chat, tel, new EventBus(),
                new ContactBook(new AddressNormalizer(config.contacts().defaultRegion())),
                config.contacts().telPreference());
    }

    @Test
    void bothHalvesAreSecuredWithTheOneSandboxCa() {
        assertThat(demo.status().halves()).allSatisfy(h -> {
            assertThat(h.state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(h.security().encrypted()).isTrue();
        });
        assertThat(sandbox.sip().caCertificatePem()).isEqualTo(sandbox.xmpp().caCertificatePem());
        assertThat(sandbox.users()).extracting(DemoUser::name).containsExactly("demo", "alice", "bob");
        assertThat(sandbox.users()).allSatisfy(u -> assertThat(u.configFile()).isRegularFile());
    }

    @Test
    void theDemoUserSeesItsContactsAndWhichCanBeCalled() throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!demo.awaitContactsLoaded(Duration.ofMillis(200)) && System.nanoTime() < end) {
            // waiting for the vCards
        }
        Map<String, Contact> byJid = new java.util.HashMap<>();
        demo.contacts().forEach(c -> byJid.put(c.jid(), c));
        String d = "@" + sandbox.domain();
        assertThat(byJid).containsOnlyKeys("alice" + d, "bob" + d, "greeting" + d, "busy" + d, "echo" + d);
        assertThat(byJid.get("alice" + d).callableTels()).hasSize(2);       // national mobile + E.164 work
        // the directory's one number, in bob's vcard-temp and in his vCard4
        assertThat(byJid.get("bob" + d).callableTels()).hasSize(2)
                .allSatisfy(t -> assertThat(t.normalized()).hasValue("tel:+33698765432"));
        assertThat(byJid.get("greeting" + d).callableTels()).singleElement()
                .satisfies(t -> assertThat(t.normalized()).hasValue("sip:greeting" + d));
        assertThat(byJid.get("busy" + d).callable()).isTrue();
        assertThat(byJid.get("echo" + d).callable()).isFalse();
        assertThat(demo.route("greeting" + d)).isInstanceOf(RoutingDecision.Route.class);
    }

    /**
     * RFC 7081 §3.1–3.2: the people's vCard TELs are read from the sandbox's directory, so a directory
     * change (what {@code cusax admin user set-tel} does) shows in the vcard-temp and the vCard4 at once.
     */
    @Test
    void aDirectoryChangeOfTheNumbersShowsInBothVcards() {
        List<PhoneNumber> before = sandbox.directory().phones("bob");
        assertThat(sandbox.xmpp().vcardTemp("bob")).hasValueSatisfying(x -> assertThat(x).contains("+33 6 98 76 54 32"));
        try {
            sandbox.directory().setPhones("bob", List.of(PhoneNumber.parse("work:+33 1 84 88 00 99")));
            assertThat(sandbox.xmpp().vcardTemp("bob")).hasValueSatisfying(x -> assertThat(x)
                    .contains(">+33 1 84 88 00 99</NUMBER>", "<WORK").doesNotContain("98 76 54 32", "<CELL"));
            assertThat(sandbox.xmpp().pepItem("bob", "urn:xmpp:vcard4")).hasValueSatisfying(x -> assertThat(x)
                    .contains(">Bob Durand</text>", ">tel:+33184880099</uri>", ">work</text>")
                    .doesNotContain("+33698765432"));
        } finally {
            sandbox.directory().setPhones("bob", before);
        }
    }

    @Test
    void theEchoPeerSendsEveryMessageBack() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (AutoCloseable sub = demo.subscribe(e -> {
            if (e instanceof ChatMessageReceived r && r.message().peer().equals(sandbox.echoJid())) {
                received.add(r.message().body());
            }
        })) {
            demo.sendChat(sandbox.echoJid(), "first");
            demo.sendChat(sandbox.echoJid(), "second ✓");
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("second ✓");
        }
    }

    @Test
    void theBusyPeerIsReachedByItsGlobalNumberAndAnswers486() throws Exception {
        Call call = demo.placeCall("tel:+33972100486", AudioPlan.silent());
        Optional<Call> ended = demo.awaitCall(call.id(), CallState.ENDED, WAIT);
        assertThat(ended).isPresent();
        assertThat(ended.get().endReason()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(EndReason.Kind.BUSY);
            assertThat(r.sipStatus()).hasValue(486);
        });
    }

    /** After close, every port is free again and the temporary directory is gone. */
    @Test
    void closingFreesEveryPortAndTheDirectory() throws Exception {
        Sandbox other = Sandbox.start(SandboxOptions.defaults().withDomain("other.test"));
        int xmppPort = other.xmpp().port();
        int udp = other.sip().udpPort();
        int tcp = other.sip().tcpPort();
        int tls = other.sip().tlsPort();
        Path dir = other.workDir();
        other.close();
        other.close();
        assertThat(Files.exists(dir)).isFalse();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        for (int port : List.of(xmppPort, tcp, tls)) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(lo, port));
            } catch (IOException e) {
                throw new AssertionError("TCP port " + port + " still taken", e);
            }
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, udp))) {
            assertThat(s.getLocalPort()).isEqualTo(udp);
        }
    }
}
