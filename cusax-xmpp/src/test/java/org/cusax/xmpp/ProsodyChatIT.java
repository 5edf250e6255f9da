package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.port.TransmitResult;
import org.cusax.core.testing.ManualScheduler;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.relay.TcpRelay;
import org.cusax.xmpp.features.CallingFeatures;
import org.cusax.xmpp.roster.RosterContact;
import org.cusax.xmpp.testing.LogCapture;
import org.cusax.xmpp.testing.Peer;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The Chat half against a real Prosody 0.12 from cusax-testbed (RFC 6120 STARTTLS/SASL/§13.7.2
 * certificates, RFC 6121 roster/presence/messages, XEP-0198 stream management and resumption,
 * XEP-0280 carbons, XEP-0030 disco, XEP-0166 Jingle refused). Run explicitly:
 * {@code mvn -o -pl cusax-xmpp test -Dtest=ProsodyChatIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ProsodyChatIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Testbed tb;
    private static TestUser alice;
    private static TestUser bob;
    private static LogCapture logs;

    private final RecordingCallbacks cb = new RecordingCallbacks();
    private final List<SmackChatPort> ports = new ArrayList<>();

    @BeforeAll
    static void startProsody() throws Exception {
        logs = new LogCapture();
        tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        alice = tb.createUser("alice");
        bob = tb.createUser("bob");
        // Mutual presence subscription, with names, so that roster and presence can be checked.
        try (Peer a = Peer.login(account(alice, port()), "setup", true);
             Peer b = Peer.login(account(bob, port()), "setup", true)) {
            Roster ra = Roster.getInstanceFor(a.connection());
            Roster rb = Roster.getInstanceFor(b.connection());
            ra.createItemAndRequestSubscription(JidCreate.bareFrom(bob.jid()), "Bob", null);
            rb.createItemAndRequestSubscription(JidCreate.bareFrom(alice.jid()), "Alice", null);
            await(() -> both(ra, bob.jid()) && both(rb, alice.jid()), "mutual subscription");
        }
    }

    private static boolean both(Roster roster, String jid) {
        try {
            var entry = roster.getEntry(JidCreate.bareFrom(jid));
            return entry != null && entry.getType() == RosterPacket.ItemType.both;
        } catch (Exception e) {
            return false;
        }
    }

    @AfterAll
    static void stopProsodyAndCheckTheLogs() {
        if (tb != null) {
            tb.close();
        }
        if (logs != null) {
            logs.close();
            List<String> lines = logs.lines();
            assertThat(lines).as("log lines captured").hasSizeGreaterThan(50);
            assertThat(lines).noneMatch(l -> l.contains(alice.password()) || l.contains(bob.password()));
        }
    }

    @AfterEach
    void stopPorts() {
        ports.forEach(SmackChatPort::stop);
    }

    private static int port() {
        return tb.prosody().c2sPort();
    }

    private static Account account(TestUser user, int port) {
        return XmppAccounts.account(user.name(), user.password(), port, tb.caCertificate());
    }

    private SmackChatPort start(Account account) {
        SmackChatPort p = new SmackChatPort(account, XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)));
        ports.add(p);
        p.start(cb);
        return p;
    }

    /** The same, with the backoff delays on a timer the test advances. */
    private SmackChatPort start(Account account, ManualScheduler retryTimer) {
        SmackChatPort p = new SmackChatPort(account, XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)), ContactSettings.defaults(), Optional.empty(),
                new AddressNormalizer(ContactSettings.defaults().defaultRegion()), retryTimer);
        ports.add(p);
        p.start(cb);
        return p;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        if (!org.cusax.core.testing.Eventually.holds(condition, WAIT)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    private static boolean presenceFrom(Peer peer, String fullJid, Presence.Type type) {
        return peer.presences().stream()
                .anyMatch(p -> p.getFrom() != null && p.getFrom().toString().equals(fullJid) && p.getType() == type);
    }

    private static long count(List<Message> messages, String id) {
        return messages.stream().filter(m -> id.equals(m.getStanzaId())).count();
    }

    @Test
    void logsInWithScramOverVerifiedStartTlsLoadsTheRosterAndSendsPresence() throws Exception {
        try (Peer watcher = Peer.login(account(bob, port()), "watch", true)) {
            SmackChatPort p = start(account(alice, port()));
            ChannelSecurity sec = cb.awaitState(ConnectionState.ONLINE, WAIT).security();
            assertThat(sec.encrypted()).isTrue();
            assertThat(sec.tlsProtocol()).hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.2", "TLSv1.3"));
            assertThat(sec.cipherSuite()).hasValueSatisfying(c -> assertThat(c).startsWith("TLS_"));
            assertThat(sec.verifiedIdentity()).contains("cusax.test");
            assertThat(sec.authentication()).contains("SCRAM-SHA-1");
            System.out.println("ONLINE: " + sec.describe() + ", " + sec.cipherSuite().orElseThrow());

            // Smack keeps its plain socket private; our socket factory must have switched Nagle off on it.
            java.lang.reflect.Field socket = XMPPTCPConnection.class.getDeclaredField("socket");
            socket.setAccessible(true);
            assertThat(((java.net.Socket) socket.get(p.session().connection())).getTcpNoDelay()).isTrue();

            assertThat(p.roster().loaded()).isTrue();
            assertThat(Roster.getInstanceFor(p.session().connection()).isRosterVersioningSupported()).isTrue();
            assertThat(p.roster().contacts()).containsExactly(new RosterContact(bob.jid(), Optional.of("Bob"), "both"));
            await(() -> presenceFrom(watcher, alice.jid() + "/cusax", Presence.Type.available), "alice's presence");

            long t0 = System.nanoTime();
            p.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(cb.last().state()).isEqualTo(ConnectionState.OFFLINE);
            await(() -> presenceFrom(watcher, alice.jid() + "/cusax", Presence.Type.unavailable), "alice's goodbye");
        }
    }

    @Test
    void chatsBothWaysWithAcknowledgementsCarbonsAndErrors() throws Exception {
        try (Peer bobPhone = Peer.login(account(bob, port()), "phone", true);
             Peer aliceOther = Peer.login(account(alice, port()), "other", true)) {
            SmackChatPort p = start(account(alice, port()));
            cb.awaitState(ConnectionState.ONLINE, WAIT);

            ChatMessage out = ChatMessage.outgoing(bob.jid(), "hello bob");
            assertThat(p.transmit(out)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
            cb.awaitAck(out.id(), WAIT);
            Message got = bobPhone.nextMessage(WAIT);
            assertThat(got).isNotNull();
            assertThat(got.getStanzaId()).isEqualTo(out.id());
            assertThat(got.getType()).isEqualTo(Message.Type.chat);
            assertThat(got.getBody()).isEqualTo("hello bob");
            assertThat(got.getFrom().toString()).isEqualTo(alice.jid() + "/cusax");

            bobPhone.send(alice.jid(), "in-1", "hi alice");
            ChatMessage in = cb.awaitMessage(m -> m.id().equals("in-1"), WAIT);
            assertThat(in.peer()).isEqualTo(bob.jid());
            assertThat(in.body()).isEqualTo("hi alice");

            bobPhone.send(alice.jid() + "/other", "carbon-1", "to your other device");
            ChatMessage carbon = cb.awaitMessage(m -> m.id().equals("carbon-1"), WAIT);
            assertThat(carbon.peer()).isEqualTo(bob.jid());

            // RFC 6121 §8.5.2.2.1: no such user → service-unavailable. The server answers before it acknowledges
            // the stanza, and the refusal is reported before (instead of) an acknowledgement.
            ChatMessage lost = ChatMessage.outgoing("nobody@" + tb.domain(), "anyone?");
            assertThat(p.transmit(lost)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
            ChatMessage after = ChatMessage.outgoing(bob.jid(), "after the refused one");
            assertThat(p.transmit(after)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
            cb.awaitAck(after.id(), WAIT);
            assertThat(cb.failed()).as("refusal known once the later message is acknowledged")
                    .anyMatch(f -> f.startsWith(lost.id() + ": ") && f.contains("service-unavailable"));
            assertThat(cb.acknowledged()).doesNotContain(lost.id());
            assertThat(aliceOther).isNotNull();
        }
    }

    /**
     * CUSAX §3 switches changed in the running session (the settings page, no restart): chat and presence off
     * withdraws our presence (RFC 6121 §4.5) and refuses messages with a reason; on again shows it and chats.
     */
    @Test
    void chatAndPresenceSwitchedOffAndOnWhileRunning() throws Exception {
        try (Peer watcher = Peer.login(account(bob, port()), "switch", true)) {
            SmackChatPort p = start(account(alice, port()));
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            String aliceFull = alice.jid() + "/cusax";
            eventually(() -> presenceFrom(watcher, aliceFull, Presence.Type.available), "alice's presence");

            p.setFeatures(new org.cusax.core.account.Features(false, false));
            eventually(() -> presenceFrom(watcher, aliceFull, Presence.Type.unavailable), "alice's presence withdrawn");
            eventually(() -> p.state() == ConnectionState.ONLINE, "logged in again without chat");
            ChatMessage off = ChatMessage.outgoing(bob.jid(), "while off");
            assertThat(p.transmit(off)).isEqualTo(TransmitResult.REJECTED);
            assertThat(cb.failed()).anyMatch(f -> f.startsWith(off.id() + ": ") && f.contains("switched off"));
            long shown = countFrom(watcher, aliceFull, Presence.Type.available);

            p.setFeatures(org.cusax.core.account.Features.chatDefaults());
            eventually(() -> countFrom(watcher, aliceFull, Presence.Type.available) > shown, "alice's presence back");
            eventually(() -> p.state() == ConnectionState.ONLINE, "logged in again with chat");
            ChatMessage on = ChatMessage.outgoing(bob.jid(), "on again");
            assertThat(p.transmit(on)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
            cb.awaitAck(on.id(), WAIT);
            Message got = watcher.nextMessage(WAIT);
            assertThat(got).isNotNull();
            assertThat(got.getBody()).as("nothing of the refused message reached bob").isEqualTo("on again");
        }
    }

    private static long countFrom(Peer peer, String fullJid, Presence.Type type) {
        return peer.presences().stream()
                .filter(p -> p.getFrom() != null && p.getFrom().toString().equals(fullJid) && p.getType() == type).count();
    }

    private static void eventually(BooleanSupplier condition, String what) {
        assertThat(org.cusax.core.testing.Eventually.holds(condition, WAIT)).as("timed out waiting for " + what).isTrue();
    }

    @Test
    void advertisesNoCallingAndRefusesJingle() throws Exception {
        start(account(alice, port()));
        cb.awaitState(ConnectionState.ONLINE, WAIT);
        try (Peer bobPeer = Peer.login(account(bob, port()), "disco", true)) {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(bobPeer.connection())
                    .discoverInfo(JidCreate.from(alice.jid() + "/cusax"));
            List<String> features = info.getFeatures().stream().map(DiscoverInfo.Feature::getVar).toList();
            System.out.println("disco#info features: " + features);
            assertThat(features).contains("http://jabber.org/protocol/disco#info")
                    .noneMatch(CallingFeatures::isCallingFeature);

            IQ initiate = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='set' id='jingle-1' to='"
                    + alice.jid() + "/cusax'><jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' initiator='"
                    + bob.jid() + "/disco' sid='s1'><content creator='initiator' name='voice'>"
                    + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/>"
                    + "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'/></content></jingle></iq>");
            assertThatThrownBy(() -> bobPeer.connection().sendIqRequestAndWaitForResponse(initiate))
                    .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                            e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable));
        }
    }

    @Test
    void wrongPasswordFailsForGood() throws Exception {
        Account wrong = XmppAccounts.account(alice.name(), "not-" + alice.password(), port(), tb.caCertificate());
        ManualScheduler retryTimer = new ManualScheduler();
        SmackChatPort p = start(wrong, retryTimer);
        ConnectionStatus failed = cb.awaitState(ConnectionState.FAILED, WAIT);
        assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failed.reason().orElseThrow().message()).doesNotContain(alice.password());
        // a retry is scheduled before a failure is reported: none is waiting, and none comes however long we wait
        assertThat(retryTimer.pendingDelays()).as("no retry scheduled").isEmpty();
        retryTimer.advance(Duration.ofHours(1));
        assertThat(cb.statuses()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
        assertThat(p.state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void noPresenceAndNoChatWhenImAndPresenceIsOff() throws Exception {
        try (Peer watcher = Peer.login(account(bob, port()), "watch-off", true)) {
            Account off = XmppAccounts.account(alice.name(), alice.password(), port(), tb.caCertificate(),
                    new Features(false, false));
            SmackChatPort p = start(off);
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            ChatMessage m = ChatMessage.outgoing(bob.jid(), "should not go");
            assertThat(p.transmit(m)).isEqualTo(TransmitResult.REJECTED);
            assertThat(cb.failed()).containsExactly(m.id() + ": chat is switched off for this XMPP account");
            p.stop(); // returns once the server has closed alice's stream: it has handled all she sent
            List<Message> received = watcher.messagesUntilFence(WAIT);
            assertThat(watcher.presences()).noneMatch(pr -> pr.getFrom() != null
                    && pr.getFrom().toString().equals(alice.jid() + "/cusax"));
            assertThat(count(received, m.id())).isZero();
        }
    }

    private void awaitBobAvailable() throws InterruptedException {
        if (!org.cusax.core.testing.Eventually.holds(
                () -> cb.presence(bob.jid()).map(pr -> pr.availability().online()).orElse(false), WAIT)) {
            throw new AssertionError("bob's presence never arrived: " + cb.presence(bob.jid()));
        }
    }

    @Test
    void lostConnectionIsResumedAndNothingIsLostOrDuplicated() throws Exception {
        try (TcpRelay relay = new TcpRelay(port()); Peer bobPeer = Peer.login(account(bob, port()), "relay", true)) {
            SmackChatPort p = start(account(alice, relay.port()));
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            awaitBobAvailable();
            ChatMessage acked = ChatMessage.outgoing(bob.jid(), "acked before the cut");
            p.transmit(acked);
            cb.awaitAck(acked.id(), WAIT);
            ChatMessage inFlight = ChatMessage.outgoing(bob.jid(), "sent just before the cut");
            assertThat(p.transmit(inFlight)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
            relay.cut();

            ConnectionStatus lost = cb.awaitState(ConnectionState.RECONNECTING, WAIT);
            assertThat(lost.reason().orElseThrow().kind().permanent()).isFalse();
            ChatMessage queued = ChatMessage.outgoing(bob.jid(), "written while reconnecting");
            assertThat(p.transmit(queued)).isEqualTo(TransmitResult.NOT_CONNECTED);

            cb.awaitState(ConnectionState.ONLINE, 2, WAIT);
            assertThat(p.session().connection().streamWasResumed()).isTrue();
            assertThat(p.transmit(queued)).isEqualTo(TransmitResult.SENT_AWAITING_ACK); // as the core re-sends
            cb.awaitAck(inFlight.id(), WAIT);
            cb.awaitAck(queued.id(), WAIT);

            List<Message> all = bobPeer.messagesUntilFence(WAIT); // all three were acknowledged: the server routed them before
            assertThat(count(all, acked.id())).isEqualTo(1);
            assertThat(count(all, inFlight.id())).isEqualTo(1);
            assertThat(count(all, queued.id())).isEqualTo(1);
            // RFC 6121 presence survives a resumed stream: bob is still shown online
            assertThat(cb.presence(bob.jid())).get().extracting(pr -> pr.availability().online()).isEqualTo(true);
            p.stop(); // while the relay still runs, so that the server ends the session cleanly
        }
    }

    @Test
    void serverCrashIsSurvivedAndEveryMessageArrives() throws Exception {
        SmackChatPort p = start(account(alice, port()));
        cb.awaitState(ConnectionState.ONLINE, WAIT);
        ChatMessage beforeKill = ChatMessage.outgoing(bob.jid(), "just before the crash " + UUID.randomUUID());
        assertThat(p.transmit(beforeKill)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
        tb.prosody().kill9();

        ConnectionStatus lost = cb.awaitState(ConnectionState.RECONNECTING, WAIT);
        assertThat(lost.reason().orElseThrow())
                .isEqualTo(org.cusax.core.connection.FailureReason.of(Kind.CONNECTION_LOST,
                        "the connection to 127.0.0.1:" + port() + " was lost"));
        ChatMessage whileDown = ChatMessage.outgoing(bob.jid(), "written while the server is down");
        assertThat(p.transmit(whileDown)).isEqualTo(TransmitResult.NOT_CONNECTED);
        cb.awaitState(ConnectionState.RECONNECTING, 3, WAIT); // keeps trying while the server is down
        tb.prosody().start();

        ConnectionStatus back = cb.awaitState(ConnectionState.ONLINE, 2, WAIT);
        assertThat(back.security().authentication()).contains("SCRAM-SHA-1");
        assertThat(p.transmit(whileDown)).isEqualTo(TransmitResult.SENT_AWAITING_ACK); // as the core re-sends
        cb.awaitAck(whileDown.id(), WAIT);
        cb.awaitAck(beforeKill.id(), WAIT);

        try (Peer bobLater = Peer.login(account(bob, port()), "later", true)) { // offline storage (XEP-0160)
            // offline messages come while the server handles bob's initial presence, before the fence
            List<String> ids = bobLater.messagesUntilFence(WAIT).stream().map(Message::getStanzaId).toList();
            System.out.println("bob received after the crash: " + ids);
            assertThat(ids).contains(beforeKill.id(), whileDown.id());
        }
    }

    @Test
    void certificateForAnotherHostFailsForGood() throws Exception {
        tb.prosody().useWrongHostCertificate(true);
        tb.prosody().restart();
        try {
            start(account(alice, port()));
            ConnectionStatus failed = cb.awaitState(ConnectionState.FAILED, WAIT);
            assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.CERTIFICATE);
            assertThat(failed.reason().orElseThrow().message())
                    .isEqualTo("the server certificate is not valid for cusax.test (it names a different host)");
        } finally {
            tb.prosody().useWrongHostCertificate(false);
            tb.prosody().restart();
        }
    }
}
