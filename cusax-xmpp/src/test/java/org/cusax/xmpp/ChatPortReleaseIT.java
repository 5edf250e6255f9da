package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.testing.Eventually;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.prosody.ProsodyStorage;
import org.cusax.testbed.prosody.ProsodyStorage.RosterEntry;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live state only (DEVELOPERS.md): a stopped Chat half, or a session it replaced, leaves nothing of itself
 * reachable. Smack keeps its managers (Roster, PingManager, PepManager, CarbonManager) in static maps that hold
 * the connection weakly but the manager strongly, so one listener of ours left on a manager keeps the connection,
 * and through it the roster, presences, contact cache and callbacks, alive for the life of the process; the
 * end-to-end heap benchmark measured 35 MiB per 10,000 contacts left behind before the listeners were removed.
 * Against a real Prosody with contacts that have numbers.
 */
class ChatPortReleaseIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Smack frees a request's reply bookkeeping (which holds the connection) only when its timeout runs out. */
    private static final Duration RELEASE = Duration.ofSeconds(60);
    private static final String D = "@cusax.test";
    private static Testbed tb;
    private static TestUser alice;

    @BeforeAll
    static void seed() throws Exception {
        tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        alice = tb.createUser("alice");
        ProsodyStorage s = tb.prosody().storage();
        List<RosterEntry> roster = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "friend" + i;
            s.cloneAccount("alice", name);
            s.writeRoster(name, 1, List.of(new RosterEntry("alice" + D, "Alice", "both")));
            s.writeVcardTemp(name, "<vCard xmlns='vcard-temp'><FN>Friend " + i + "</FN><TEL><CELL/><NUMBER>06 12 34 56 "
                    + String.format("%02d", i) + "</NUMBER></TEL></vCard>");
            roster.add(new RosterEntry(name + D, "Friend " + i, "both"));
        }
        s.writeRoster("alice", 2, roster);
    }

    @AfterAll
    static void stop() {
        if (tb != null) {
            tb.close();
        }
    }

    @Test
    void aStoppedChatHalfLeavesItsContactsAndCallbacksToTheCollector() throws Exception {
        WeakReference<RecordingCallbacks> callbacks = loadThenStop();
        assertThat(collected(callbacks)).as("callbacks (and the contacts they hold) collected after stop()").isTrue();
    }

    @Test
    void aSessionReplacedByAFeatureSwitchLeavesItsConnectionToTheCollector() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = port();
        port.start(cb);
        try {
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(20);
            WeakReference<Object> first = new WeakReference<>(port.sessionForTest().connection());
            port.setFeatures(new Features(Features.chatDefaults().calling(), false));
            cb.awaitState(ConnectionState.ONLINE, 2, WAIT);
            assertThat(collected(first)).as("the replaced session's connection collected").isTrue();
        } finally {
            port.stop();
        }
    }

    private static WeakReference<RecordingCallbacks> loadThenStop() throws InterruptedException {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = port();
        port.start(cb);
        try {
            cb.awaitState(ConnectionState.ONLINE, WAIT);
            assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(20);
            assertThat(cb.tels("friend7" + D, org.cusax.core.contact.TelSource.VCARD_TEMP)).isPresent();
        } finally {
            port.stop();
        }
        return new WeakReference<>(cb);
    }

    private static SmackChatPort port() {
        Account account = XmppAccounts.account("alice", alice.password(), tb.prosody().c2sPort(), tb.caCertificate());
        return new SmackChatPort(account, XmppAccounts.settings(), XmppAccounts.backoff(Duration.ofMillis(200)),
                new ContactSettings("FR", TelPreference.defaults(), Optional.empty(), 8, true),
                Optional.of("sip:alice" + D));
    }

    private static boolean collected(WeakReference<?> ref) {
        return Eventually.holds(() -> {
            System.gc();
            return ref.get() == null;
        }, RELEASE);
    }
}
