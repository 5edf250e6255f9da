package org.cusax.sandbox.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.cusax.core.account.Account;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.RosterItem;
import org.cusax.core.port.TransmitResult;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.xmpp.SmackChatPort;
import org.cusax.xmpp.testing.LogCapture;
import org.cusax.core.testing.Eventually;
import org.cusax.xmpp.testing.Peer;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.cusax.xmpp.testing.ContactSeeds;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client adapter (cusax-xmpp's SmackChatPort, as the app uses it) against the sandbox's Vysper
 * server: RFC 6120 §5 STARTTLS with the per-run certificate verified, §6 SASL SCRAM-SHA-1 (RFC 5802),
 * RFC 6121 roster and presence, chat both ways, offline storage (XEP-0160), contacts' addresses from
 * vcard-temp (XEP-0054 §3.1), vCard4 (XEP-0292) and reachability (XEP-0152) in PEP (XEP-0163), also
 * when they change while the client is online.
 */
class SandboxXmppServerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String D = "@cusax.test";
    private static final String PASSWORD = "sandbox-secret-42";
    private static SandboxXmppServer server;
    private static LogCapture logs;

    @TempDir
    Path cache;
    private final RecordingCallbacks cb = new RecordingCallbacks();
    private final List<SmackChatPort> ports = new ArrayList<>();

    @BeforeAll
    static void startTheSandbox() {
        logs = new LogCapture();
        server = SandboxXmppServer.start(SandboxXmppOptions.defaults());
        for (String u : List.of("alice", "bob", "carol", "vfour", "reachonly", "dave", "vchange", "rchange")) {
            server.addUser(u, PASSWORD);
        }
        server.addUser("national", PASSWORD, "<vCard xmlns='vcard-temp'><FN>National</FN>"
                + "<TEL><CELL/><VOICE/><NUMBER>06 12 34 56 78</NUMBER></TEL>"
                + "<TEL><WORK/><NUMBER>sip:national@cusax.test</NUMBER></TEL></vCard>");
        server.setVcardTemp("bob", "<vCard xmlns='vcard-temp'><FN>Bob &amp; Co</FN>"
                + "<TEL><HOME/><VOICE/><NUMBER>+33 1 23 45 67 89</NUMBER></TEL></vCard>");
        server.publishPep("vfour", "urn:xmpp:vcard4", "current", "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>"
                + "<tel><parameters><type><text>cell</text></type></parameters><uri>tel:+33611111111</uri></tel></vcard>");
        server.publishPep("reachonly", "urn:xmpp:reach:0", "current",
                "<reach xmlns='urn:xmpp:reach:0'><addr uri='sip:reachonly@cusax.test'/></reach>");
        for (String contact : List.of("bob", "national", "vfour", "reachonly")) {
            server.addRosterItem("alice", contact);
        }
        server.addRosterItem("dave", "vchange");
        server.addRosterItem("dave", "rchange");
    }

    @AfterAll
    static void stopTheSandbox() {
        if (server != null) {
            Path ca = server.caCertificateFile();
            server.stop();
            assertThat(ca).doesNotExist();
        }
        if (logs != null) {
            logs.close();
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(PASSWORD));
        }
    }

    @AfterEach
    void stopPorts() {
        ports.forEach(SmackChatPort::stop);
    }

    private static Account account(String user, String password) {
        return XmppAccounts.account(user, password, server.port(), server.caCertificateFile());
    }

    private SmackChatPort start(String user) {
        SmackChatPort p = new SmackChatPort(account(user, PASSWORD), XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)),
                new ContactSettings("FR", TelPreference.defaults(), Optional.of(cache), 8, true),
                Optional.of("sip:" + user + D));
        ports.add(p);
        p.start(cb);
        return p;
    }

    @Test
    void theClientLogsInWithScramOverVerifiedStartTlsAndLoadsRosterAndEveryKindOfAddress() throws Exception {
        assertThat(Files.readString(server.caCertificateFile())).isEqualTo(server.caCertificatePem())
                .startsWith("-----BEGIN CERTIFICATE-----");
        start("alice");
        ChannelSecurity sec = cb.awaitState(ConnectionState.ONLINE, WAIT).security();
        assertThat(sec.encrypted()).isTrue();
        assertThat(sec.tlsProtocol()).contains("TLSv1.2"); // SandboxXmppServer.TLS_PROTOCOLS
        assertThat(sec.verifiedIdentity()).contains("cusax.test");
        assertThat(sec.authentication()).contains("SCRAM-SHA-1");
        System.out.println("ONLINE: " + sec.describe());

        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(4);
        assertThat(cb.rosters()).last().satisfies(r -> assertThat(r).containsExactlyInAnyOrder(
                new RosterItem("bob" + D, "bob", "both"), new RosterItem("national" + D, "national", "both"),
                new RosterItem("vfour" + D, "vfour", "both"), new RosterItem("reachonly" + D, "reachonly", "both")));
        assertThat(cb.tels("national" + D, TelSource.VCARD_TEMP)).contains(List.of(
                RawTel.of("06 12 34 56 78", "CELL", "VOICE"), RawTel.of("sip:national@cusax.test", "WORK")));
        assertThat(cb.tels("bob" + D, TelSource.VCARD_TEMP)).contains(List.of(
                RawTel.of("+33 1 23 45 67 89", "HOME", "VOICE")));
        assertThat(cb.tels("vfour" + D, TelSource.VCARD4)).contains(List.of(RawTel.of("tel:+33611111111", "cell")));
        assertThat(cb.tels("vfour" + D, TelSource.VCARD_TEMP)).contains(List.of()); // answered: no vcard-temp
        assertThat(cb.tels("national" + D, TelSource.VCARD4)).contains(List.of()); // answered: item-not-found
        // Reachability: the PEP item is fetched at load time or pushed; either way it arrives.
        cb.awaitTels("reachonly" + D, TelSource.REACH_PEP,
                t -> t.equals(List.of(RawTel.of("sip:reachonly@cusax.test"))), WAIT);

        // Our own reachability went to our PEP node (XEP-0152 §4), as the client publishes it.
        assertThat(server.pepItem("alice", "urn:xmpp:reach:0")).hasValueSatisfying(
                x -> assertThat(x).contains("sip:alice@cusax.test"));
    }

    @Test
    void contactChangesArePushedWhileOnline() throws Exception {
        start("dave");
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(2);
        assertThat(cb.tels("vchange" + D, TelSource.VCARD4)).contains(List.of());
        server.publishPep("vchange", "urn:xmpp:vcard4", "current", "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>"
                + "<tel><parameters><type><text>work</text></type></parameters><uri>tel:+33622222222</uri></tel></vcard>");
        cb.awaitTels("vchange" + D, TelSource.VCARD4, t -> t.equals(List.of(RawTel.of("tel:+33622222222", "work"))), WAIT);
        server.publishPep("rchange", "urn:xmpp:reach:0", "current",
                "<reach xmlns='urn:xmpp:reach:0'><addr uri='tel:+33633333333'/></reach>");
        cb.awaitTels("rchange" + D, TelSource.REACH_PEP, t -> t.equals(List.of(RawTel.of("tel:+33633333333"))), WAIT);
    }

    @Test
    void aClientStoresItsVcardTempAndReadsPepOnlyWhereItIsSubscribed() throws Exception {
        try (Peer carol = Peer.login(account("carol", PASSWORD), "vcard", false)) {
            // XEP-0054 §3.2: the owner replaces its vCard; it is stored as XML and served back as XML.
            ContactSeeds.setVcardTemp(carol.connection(), "<FN>Carol</FN><TEL><CELL/><NUMBER>07 00 00 00 01</NUMBER></TEL>");
            assertThat(server.vcardTemp("carol")).hasValueSatisfying(x -> assertThat(x)
                    .contains("<NUMBER>07 00 00 00 01</NUMBER>").contains("xmlns=\"vcard-temp\""));
            // XEP-0163 §5 presence access model: carol is not subscribed to vfour, so the server refuses,
            // and answers from vfour's address so that the client matches the answer at once.
            assertThatThrownBy(() -> ContactSeeds.items(carol.connection(),
                    org.jxmpp.jid.impl.JidCreate.bareFrom("vfour" + D), "urn:xmpp:vcard4"))
                    .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                            e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_authorized));
            // Its own node that does not exist: item-not-found.
            assertThatThrownBy(() -> ContactSeeds.items(carol.connection(),
                    org.jxmpp.jid.impl.JidCreate.bareFrom("carol" + D), "urn:xmpp:vcard4"))
                    .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                            e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found));
        }
    }

    /**
     * RFC 7081 §3.1–3.2, XEP-0054 §3.2, XEP-0292 §3: when the account's TELs belong to the user directory,
     * the user's own vcard-temp update and vCard4 publish with a stock Smack keep their FN and nickname,
     * but not their TEL; a change in the directory shows in both at the next read, the other fields kept.
     */
    @Test
    void directoryOwnedTelsSurviveTheUsersOwnVcardUpdateAndFollowTheDirectory() throws Exception {
        server.addUser("erin", PASSWORD, "<vCard xmlns='vcard-temp'><FN>Erin</FN>"
                + "<TEL><CELL/><NUMBER>+1 555 0199</NUMBER></TEL></vCard>");
        AtomicReference<List<PhoneNumber>> directory = new AtomicReference<>(
                List.of(PhoneNumber.parse("mobile:+33 6 00 00 00 07")));
        server.useDirectoryTels("erin", directory::get);
        try (Peer erin = Peer.login(account("erin", PASSWORD), "vcard", false)) {
            String ns = "urn:ietf:params:xml:ns:vcard-4.0";
            ContactSeeds.publish(erin.connection(), "urn:xmpp:vcard4", StandardExtensionElement.builder("vcard", ns)
                    .addElement(StandardExtensionElement.builder("nickname", ns).addElement("text", "Eri4").build())
                    .addElement(StandardExtensionElement.builder("tel", ns).addElement("uri", "tel:+1-555-0100").build())
                    .build());
            assertThat(server.pepItem("erin", "urn:xmpp:vcard4")).hasValueSatisfying(x -> assertThat(x)
                    .contains(">Eri4</text>", ">tel:+33600000007</uri>", ">cell</text>").doesNotContain("555"));
            ContactSeeds.setVcardTemp(erin.connection(),
                    "<FN>Erin E</FN><NICKNAME>Eri</NICKNAME><TEL><WORK/><NUMBER>+1 555 0100</NUMBER></TEL>");
            assertThat(server.vcardTemp("erin")).hasValueSatisfying(x -> assertThat(x)
                    .contains(">Erin E</FN>", ">Eri</NICKNAME>", ">+33 6 00 00 00 07</NUMBER>", "<CELL")
                    .doesNotContain("555").doesNotContain("<WORK"));

            directory.set(List.of(PhoneNumber.parse("home:01 23 45 67 89")));
            assertThat(server.pepItem("erin", "urn:xmpp:vcard4")).hasValueSatisfying(x -> assertThat(x)
                    .contains(">Eri4</text>", ">tel:0123456789;phone-context=" + D.substring(1) + "</uri>", ">home</text>")
                    .doesNotContain("+33600000007", ">cell</text>"));
            assertThat(server.vcardTemp("erin")).hasValueSatisfying(x -> assertThat(x)
                    .contains(">Erin E</FN>", ">Eri</NICKNAME>", ">01 23 45 67 89</NUMBER>", "<HOME")
                    .doesNotContain("+33 6 00 00 00 07", "<CELL"));
        }
    }

    @Test
    void chatBothWaysAndPresence() throws Exception {
        try (Peer bob = Peer.login(account("bob", PASSWORD), "phone", true)) {
            SmackChatPort alice = start("alice");
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            cb.awaitPresence("bob" + D, p -> p.availability().online(), WAIT);

            ChatMessage out = ChatMessage.outgoing("bob" + D, "hello bob <&>");
            // The sandbox has no stream management (XEP-0198), so the client does not wait for an ack.
            assertThat(alice.transmit(out)).isEqualTo(TransmitResult.SENT_WITHOUT_ACK);
            Message got = bob.nextMessage(WAIT);
            assertThat(got).isNotNull();
            assertThat(got.getStanzaId()).isEqualTo(out.id());
            assertThat(got.getBody()).isEqualTo("hello bob <&>");
            // Vysper assigns the resource itself (RFC 6120 §7.7.2.2 allows it): the sender is alice's bound full JID.
            String aliceFull = got.getFrom().toString();
            assertThat(aliceFull).startsWith("alice" + D + "/").hasSizeGreaterThan(("alice" + D + "/").length());

            bob.send("alice" + D, "in-1", "hi alice");
            ChatMessage in = cb.awaitMessage(m -> m.id().equals("in-1"), WAIT);
            assertThat(in.peer()).isEqualTo("bob" + D);
            assertThat(in.body()).isEqualTo("hi alice");

            // Presence goes both ways: bob's client sees alice come online (RFC 6121 §4.2.2).
            assertThat(Eventually.holds(() -> bob.presences().stream().anyMatch(p -> p.getFrom() != null
                    && p.getFrom().toString().equals(aliceFull) && p.isAvailable()), WAIT))
                    .as("alice's presence at bob").isTrue();
        }
        cb.awaitPresence("bob" + D, p -> !p.availability().online(), WAIT);
    }

    @Test
    void aMessageToAnOfflineUserWaitsForItsNextLogin() throws Exception {
        SmackChatPort alice = start("alice");
        cb.awaitState(ConnectionState.ONLINE, WAIT);
        ChatMessage out = ChatMessage.outgoing("carol" + D, "while you were away");
        alice.transmit(out);
        assertThat(Eventually.holds(() -> server.offlineCount("carol") > 0, WAIT)).as("message stored offline").isTrue();
        assertThat(server.offlineCount("carol")).isEqualTo(1);
        try (Peer carol = Peer.login(account("carol", PASSWORD), "later", true)) {
            Message got = carol.nextMessage(WAIT);
            assertThat(got).isNotNull();
            assertThat(got.getStanzaId()).isEqualTo(out.id());
            assertThat(got.getBody()).isEqualTo("while you were away");
        }
        assertThat(server.offlineCount("carol")).isZero();
    }

    @Test
    void aMessageToANonExistentAccountIsReportedAsFailed() throws Exception {
        SmackChatPort alice = start("alice");
        cb.awaitState(ConnectionState.ONLINE, WAIT);
        ChatMessage lost = ChatMessage.outgoing("nobody" + D, "anyone?");
        alice.transmit(lost);
        assertThat(Eventually.holds(() -> cb.failed().stream().anyMatch(f -> f.startsWith(lost.id() + ": ")), WAIT))
                .as("an error reply for " + lost.id()).isTrue();
        System.out.println("delivery failure: " + cb.failed());
    }

    @Test
    void stopClosesConnectionsAndThePortAndIsIdempotent() throws Exception {
        SandboxXmppServer other = SandboxXmppServer.start(SandboxXmppOptions.defaults().withCa(server.ca()));
        other.addUser("erin", PASSWORD);
        int port = other.port();
        assertThat(port).isNotEqualTo(server.port());
        Account erin = XmppAccounts.account("erin", PASSWORD, port, server.caCertificateFile());
        try (Peer p = Peer.login(erin, "x", true)) {
            assertThat(p.connection().isAuthenticated()).isTrue();
            other.stop();
            assertThat(Eventually.holds(() -> !p.connection().isConnected(), WAIT)).as("connection closed by stop()")
                    .isTrue();
        }
        other.stop();
        // the port is free again: it can be bound (a connect attempt is no proof: to a free loopback port in the
        // ephemeral range the kernel may pick that very port as the source, and the socket connects to itself)
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(other.caCertificateFile()).doesNotExist();
    }

    @Test
    void manyLoginsInARowAllSucceed() throws Exception {
        // MINA's TLS switch under STARTTLS is the fragile part of Vysper: every login must get through it.
        int online = 0;
        for (int i = 0; i < 30; i++) {
            try (Peer p = Peer.login(account("carol", PASSWORD), "loop" + i, false)) {
                online += p.connection().isAuthenticated() ? 1 : 0;
            }
        }
        assertThat(online).isEqualTo(30);
    }

    @Test
    void wrongPasswordFailsAsAnAuthenticationFailureForGood() throws Exception {
        SmackChatPort p = new SmackChatPort(account("alice", "not-" + PASSWORD), XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)));
        ports.add(p);
        p.start(cb);
        ConnectionStatus failed = cb.awaitState(ConnectionState.FAILED, WAIT);
        assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failed.reason().orElseThrow().message()).doesNotContain(PASSWORD);
        assertThat(cb.statuses()).noneMatch(s -> s.state() == ConnectionState.ONLINE);
    }

    @Test
    void anUnknownAccountFailsLikeAWrongPassword() throws Exception {
        SmackChatPort p = new SmackChatPort(account("mallory", PASSWORD), XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)));
        ports.add(p);
        p.start(cb);
        assertThat(cb.awaitState(ConnectionState.FAILED, WAIT).reason().orElseThrow().kind())
                .isEqualTo(Kind.AUTHENTICATION);
    }
}
