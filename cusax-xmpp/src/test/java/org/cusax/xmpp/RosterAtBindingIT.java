package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.cusax.core.account.Account;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.port.TransmitResult;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.prosody.ProsodyStorage.RosterEntry;
import org.cusax.testbed.relay.TcpRelay;
import org.cusax.xmpp.connection.RosterFirstConnection;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.carbons.packet.Carbon;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

/**
 * RFC 6121 §2.1.3 with XEP-0198 §3, against a real Prosody 0.12: at every new session the roster request goes out
 * right after resource binding, before {@code <enable/>}, instead of after the server's {@code <enabled/>} (Smack's
 * login waits for it: one round trip more before the contact list). Exactly one request per session; the contacts'
 * vCard requests follow it, still before {@code <enable/>} (not counted for stream management on either side, so
 * the server keeps no copy of their answers), and carbons (XEP-0280, once per session) and our initial presence
 * right after {@code <enable/>}, without waiting for {@code <enabled/>}. The stream-management counts stay right for what is sent while {@code <enabled/>}
 * is on its way: such a stanza is counted, messages afterwards are acknowledged and nothing stays counted as
 * unacknowledged.
 */
class RosterAtBindingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CONTACTS = 30;
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withKamailio(false));
    private static TestUser alice;
    private static TestUser bob;

    @BeforeAll
    static void seed() {
        alice = TB.testbed().createUser("alice");
        bob = TB.testbed().createUser("bob");
        var storage = TB.testbed().prosody().storage();
        List<RosterEntry> roster = new ArrayList<>();
        roster.add(new RosterEntry(bob.jid(), "Bob", "both"));
        for (int i = 0; i < CONTACTS; i++) {
            String name = "c" + i;
            TB.testbed().createUser(name);
            storage.writeVcardTemp(name, "<vCard xmlns='vcard-temp'><TEL><CELL/><NUMBER>+33 6 12 00 00 "
                    + String.format("%02d", i) + "</NUMBER></TEL></vCard>");
            roster.add(new RosterEntry(name + "@" + TB.testbed().domain(), "C " + i, "both"));
        }
        storage.writeRoster(alice.name(), 1, roster);
    }

    @Test
    void theRosterRequestGoesOutBeforeStreamManagementIsEnabledOncePerNewSession() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        try (TcpRelay relay = new TcpRelay(TB.testbed().prosody().c2sPort())) {
            relay.pause(); // nothing reaches the server until the recorder is in place
            SmackChatPort p = new SmackChatPort(account(alice, relay.port()), XmppAccounts.settings(),
                    XmppAccounts.backoff(Duration.ofMillis(200)));
            p.start(cb);
            try {
                RosterFirstConnection c = (RosterFirstConnection) p.session().connection();
                List<String> wire = java.util.Collections.synchronizedList(new ArrayList<>());
                record(c, wire);
                AtomicLong countedBeforeEnabled = new AtomicLong(-1);
                c.whenStreamManagementRequested(() -> {
                    if (countedBeforeEnabled.get() < 0) { // <enabled/> cannot be in: this thread awaits it next
                        try {
                            c.sendStanza(new Ping(JidCreate.domainBareFrom(TB.testbed().domain())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        countedBeforeEnabled.set(p.session().acks().outstanding());
                    }
                });
                relay.resume();
                cb.awaitState(ConnectionState.ONLINE, WAIT);
                cb.awaitLoaded(1, WAIT);
                assertThat(runs(wire)).as("one roster request and every vCard request before <enable/>, our presence "
                        + "right after it, stream management not yet enabled")
                        .containsExactly("roster get, sm off", (CONTACTS + 1) + " × vcard-temp get, sm off", "enable",
                                "carbons on, sm off", "presence, sm off");
                assertThat(c.isSmEnabled()).isTrue();
                assertThat(countedBeforeEnabled.get()).as("a stanza sent after <enable/>, before <enabled/>: Smack "
                        + "keeps it until acknowledged, so the ack gate counts it").isGreaterThanOrEqualTo(1);
                acknowledgedAndNothingLeftCounted(p, cb, "after the first login");

                wire.clear();
                c.abandonStream("a new session, not a resumed one", WAIT);
                cb.awaitState(ConnectionState.ONLINE, 2, WAIT);
                assertThat(c.streamWasResumed()).isFalse();
                assertThat(runs(wire)).as("the new session's login: the numbers are cached")
                        .containsExactly("roster get, sm off", "enable", "carbons on, sm off", "presence, sm off");
                acknowledgedAndNothingLeftCounted(p, cb, "after a new session");
            } finally {
                p.stop();
            }
        }
    }

    /**
     * What the login sends, in order: the roster request, the vCard requests, the carbons request and the initial
     * presence (each with whether XEP-0198 was on then) and {@code <enable/>}. Registered after the session's own hook on
     * {@code <enable/>}, so "enable" is recorded after what that hook sends: it is put back before it here.
     */
    @SuppressWarnings("deprecation") // the only Smack 4.4 interceptor that sees IQs
    private static void record(RosterFirstConnection c, List<String> wire) {
        c.addStanzaInterceptor(s -> wire.add("roster get, sm " + (c.isSmEnabled() ? "on" : "off")),
                s -> s instanceof RosterPacket && ((IQ) s).getType() == IQ.Type.get);
        c.addStanzaInterceptor(s -> wire.add("vcard-temp get, sm " + (c.isSmEnabled() ? "on" : "off")),
                s -> s instanceof VCardTempIq && ((IQ) s).getType() == IQ.Type.get);
        c.addStanzaInterceptor(s -> wire.add("presence, sm " + (c.isSmEnabled() ? "on" : "off")),
                s -> s instanceof Presence p && p.getType() == Presence.Type.available && p.getTo() == null);
        // XEP-0280: once per session (Smack's CarbonManager would add a blocking one inside the next login)
        c.addStanzaInterceptor(s -> wire.add("carbons on, sm " + (c.isSmEnabled() ? "on" : "off")),
                s -> s instanceof Carbon.Enable);
        c.whenStreamManagementRequested(() -> {
            synchronized (wire) {
                int sentWithEnable = wire.indexOf("carbons on, sm off");
                wire.add(sentWithEnable < 0 ? wire.size() : sentWithEnable, "enable");
            }
        });
    }

    /** The recorded sequence with runs of the same entry counted: "31 × vcard-temp get, sm off". */
    private static List<String> runs(List<String> wire) {
        List<String> out = new ArrayList<>();
        synchronized (wire) {
            for (int i = 0; i < wire.size(); ) {
                int j = i;
                while (j < wire.size() && wire.get(j).equals(wire.get(i))) {
                    j++;
                }
                out.add(j - i == 1 ? wire.get(i) : (j - i) + " × " + wire.get(i));
                i = j;
            }
        }
        return out;
    }

    private static void acknowledgedAndNothingLeftCounted(SmackChatPort p, RecordingCallbacks cb, String when)
            throws Exception {
        ChatMessage m = ChatMessage.outgoing(bob.jid(), "hello " + when);
        assertThat(p.transmit(m)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
        cb.awaitAck(m.id(), WAIT); // XEP-0198 ack
        assertThat(p.session().acks().awaitOutstandingAtMost(0, WAIT))
                .as(() -> "stanzas counted as unacknowledged " + when + ": " + p.session().acks().outstanding())
                .isTrue();
    }

    private static Account account(TestUser user, int port) {
        return XmppAccounts.account(user.name(), user.password(), port, TB.testbed().caCertificate());
    }
}
