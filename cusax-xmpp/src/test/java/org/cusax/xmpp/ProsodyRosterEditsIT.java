package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.cusax.core.account.Account;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.port.RosterChangeException;
import org.cusax.core.testing.Eventually;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.xmpp.testing.Peer;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The user's roster changes against a real Prosody 0.12: add with groups (RFC 6121 §2.3) and the subscription
 * request it sends (§3.1.1), update name and groups (§2.4), remove (§2.5), and answers to inbound subscription
 * requests: approve (§3.1.4, with a request back) and deny (§3.2.1), as the other user's client sees them; and
 * a request its sender withdraws (an {@code unsubscribe} while it waits, §3.3.3) reaches us as such.
 */
class ProsodyRosterEditsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Testbed tb;
    private static TestUser carol;
    private static TestUser dave;
    private static TestUser erin;
    private static TestUser frank;
    private static TestUser grace;

    @BeforeAll
    static void startProsody() throws Exception {
        tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        carol = tb.createUser("carol");
        dave = tb.createUser("dave");
        erin = tb.createUser("erin");
        frank = tb.createUser("frank");
        grace = tb.createUser("grace");
    }

    @AfterAll
    static void stopProsody() {
        if (tb != null) {
            tb.close();
        }
    }

    private static Account account(TestUser user) {
        return XmppAccounts.account(user.name(), user.password(), tb.prosody().c2sPort(), tb.caCertificate());
    }

    @Test
    void addUpdateRemoveApproveAndDenyAsTheServerAndTheOtherClientSeeThem() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = new SmackChatPort(account(carol), XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)));
        try (Peer davePeer = Peer.login(account(dave), "pc", true);
             Peer erinPeer = Peer.login(account(erin), "pc", true)) {
            port.start(cb);
            cb.awaitState(ConnectionState.ONLINE, WAIT);

            // add with groups: the roster push carries them, and Dave is asked to share his presence
            port.addContact(dave.jid(), "Dave", List.of("Friends", "Work"));
            cb.awaitRosterItem(i -> i.jid().equals(dave.jid()) && i.name().equals("Dave")
                    && i.groups().equals(List.of("Friends", "Work")), WAIT);
            await(() -> has(davePeer, carol.jid(), Presence.Type.subscribe), "Dave asked by Carol");

            // update: new name, one group
            port.updateContact(dave.jid(), "Dave D.", List.of("Family"));
            cb.awaitRosterItem(i -> i.jid().equals(dave.jid()) && i.name().equals("Dave D.")
                    && i.groups().equals(List.of("Family")), WAIT);

            // remove; removing again is "not in the contact list"
            port.removeContact(dave.jid());
            cb.awaitRosterRemoved(dave.jid(), WAIT);
            assertThatThrownBy(() -> port.removeContact(dave.jid())).isInstanceOfSatisfying(RosterChangeException.class,
                    e -> assertThat(e.kind()).isEqualTo(RosterChangeException.Kind.NOT_FOUND));

            // Erin asks to see Carol's presence: Carol approves, and asks back
            Roster.getInstanceFor(erinPeer.connection()).createItemAndRequestSubscription(
                    JidCreate.bareFrom(carol.jid()), "Carol", null);
            cb.awaitSubscriptionRequest(erin.jid(), WAIT);
            port.answerSubscription(erin.jid(), true);
            await(() -> has(erinPeer, carol.jid(), Presence.Type.subscribed), "Erin told she may see Carol");
            await(() -> has(erinPeer, carol.jid(), Presence.Type.subscribe), "Erin asked back by Carol");
            await(() -> erinPeer.presences().stream().anyMatch(p -> p.getFrom() != null
                    && p.getFrom().asBareJid().toString().equals(carol.jid()) && p.getType() == Presence.Type.available),
                    "Erin sees Carol online");

            // Dave asks; Carol denies
            Roster.getInstanceFor(davePeer.connection()).createItemAndRequestSubscription(
                    JidCreate.bareFrom(carol.jid()), "Carol", null);
            cb.awaitSubscriptionRequest(dave.jid(), WAIT);
            port.answerSubscription(dave.jid(), false);
            await(() -> has(davePeer, carol.jid(), Presence.Type.unsubscribed), "Dave refused");
            assertThat(davePeer.presences()).noneMatch(p -> p.getFrom() != null
                    && p.getFrom().asBareJid().toString().equals(carol.jid()) && p.getType() == Presence.Type.available);
        } finally {
            port.stop();
        }
        assertThatThrownBy(() -> port.addContact(dave.jid(), "", List.of())).isInstanceOfSatisfying(
                RosterChangeException.class, e -> assertThat(e.kind()).isEqualTo(RosterChangeException.Kind.NOT_CONNECTED));
    }

    @Test
    void aRequestWithdrawnByItsSenderIsReportedAsWithdrawn() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = new SmackChatPort(account(grace), XmppAccounts.settings(),
                XmppAccounts.backoff(Duration.ofMillis(200)));
        try (Peer frankPeer = Peer.login(account(frank), "pc", true)) {
            port.start(cb);
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            Roster.getInstanceFor(frankPeer.connection()).createItemAndRequestSubscription(
                    JidCreate.bareFrom(grace.jid()), "Grace", null);
            cb.awaitSubscriptionRequest(frank.jid(), WAIT);

            // Frank changes his mind before Grace answers (RFC 6121 §3.3.3: "None + Pending In" becomes "None")
            frankPeer.connection().sendStanza(org.jivesoftware.smack.packet.StanzaBuilder.buildPresence()
                    .ofType(Presence.Type.unsubscribe).to(JidCreate.bareFrom(grace.jid())).build());
            cb.awaitSubscriptionWithdrawn(frank.jid(), WAIT);
        } finally {
            port.stop();
        }
    }

    private static boolean has(Peer peer, String from, Presence.Type type) {
        return peer.presences().stream().anyMatch(p -> p.getFrom() != null
                && p.getFrom().asBareJid().toString().equals(from) && p.getType() == type);
    }

    private static void await(BooleanSupplier condition, String what) {
        assertThat(Eventually.holds(condition, WAIT)).as("timed out waiting for " + what).isTrue();
    }
}
