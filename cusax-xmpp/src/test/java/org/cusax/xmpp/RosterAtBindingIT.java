package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.carbons.packet.Carbon;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

/**
 * RFC 6121 §2.1.3 with XEP-0198 §3, against a real Prosody 0.12: at every new session the roster request goes out
 * right after resource binding, before {@code <enable/>}, instead of after the server's {@code <enabled/>} (Smack's
 * login waits for it: one round trip more before the contact list). Exactly one request per session, and the
 * stream-management counts stay right for what is sent while {@code <enabled/>} is on its way (the contacts'
 * vCard requests may go then): such a stanza is counted, messages afterwards are acknowledged and nothing stays
 * counted as unacknowledged. XEP-0280 carbons are asked once per new session, after its login (Smack's
 * {@code CarbonManager.enableCarbonsAsync} would make every later login ask again, blocking, inside it).
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
                List<String> wire = Collections.synchronizedList(new ArrayList<>());
                record(c, wire);
                List<String> carbons = Collections.synchronizedList(new ArrayList<>());
                recordCarbons(c, carbons);
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
                assertThat(wire).as("one roster request, before <enable/>, stream management not yet enabled")
                        .containsExactly("roster get, sm off", "enable");
                assertThat(c.isSmEnabled()).isTrue();
                assertThat(countedBeforeEnabled.get()).as("a stanza sent after <enable/>, before <enabled/>: Smack "
                        + "keeps it until acknowledged, so the ack gate counts it").isGreaterThanOrEqualTo(1);
                acknowledgedAndNothingLeftCounted(p, cb, "after the first login");
                assertThat(carbons).as("XEP-0280 carbons asked once, after the login").containsExactly("after the login");

                wire.clear();
                carbons.clear();
                c.abandonStream("a new session, not a resumed one", WAIT);
                cb.awaitState(ConnectionState.ONLINE, 2, WAIT);
                assertThat(c.streamWasResumed()).isFalse();
                assertThat(wire).as("the new session's login").containsExactly("roster get, sm off", "enable");
                acknowledgedAndNothingLeftCounted(p, cb, "after a new session");
                // Smack's CarbonManager, once asked through enableCarbonsAsync, asks again inside every later login
                // (its "authenticated" listener, a blocking request: one round trip more in the login)
                assertThat(carbons).as("carbons asked once by the new session, none inside its login")
                        .containsExactly("after the login");
            } finally {
                p.stop();
            }
        }
    }

    /** Every XEP-0280 carbons request, with whether it went inside the login or after it. */
    @SuppressWarnings("deprecation") // the only Smack 4.4 interceptor that sees IQs
    private static void recordCarbons(RosterFirstConnection c, List<String> carbons) {
        AtomicBoolean loggedIn = new AtomicBoolean();
        c.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection connection, boolean resumed) {
                loggedIn.set(true); // after the managers' own listeners (added before this one)
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                loggedIn.set(false);
            }
        });
        c.addStanzaInterceptor(s -> carbons.add(loggedIn.get() ? "after the login" : "inside the login"),
                s -> s instanceof Carbon.Enable);
    }

    /** What the login sends, in order: the roster request (and whether XEP-0198 was on then) and {@code <enable/>}. */
    @SuppressWarnings("deprecation") // the only Smack 4.4 interceptor that sees IQs
    private static void record(RosterFirstConnection c, List<String> wire) {
        c.addStanzaInterceptor(s -> wire.add("roster get, sm " + (c.isSmEnabled() ? "on" : "off")),
                s -> s instanceof RosterPacket && ((IQ) s).getType() == IQ.Type.get);
        c.whenStreamManagementRequested(() -> wire.add("enable"));
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
