package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.RosterItem;
import org.cusax.core.port.TransmitResult;
import org.cusax.core.service.Half;
import org.cusax.xmpp.contacts.LoadStats;
import org.cusax.xmpp.contacts.TelKind;
import org.cusax.xmpp.contacts.cache.AccountCacheDir;
import org.cusax.xmpp.contacts.cache.CachedContact;
import org.cusax.xmpp.contacts.cache.ContactCacheFile;
import org.cusax.xmpp.testing.FakeXmppServer;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.core.testing.ManualScheduler;
import org.cusax.core.testing.TestPki;
import org.cusax.xmpp.testing.XmppAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The port's life without a real server: start returns at once, permanent failures (RFC 6120 §5.3.1
 * STARTTLS required, §13.7.2 certificate) end in FAILED without retrying, an unreachable server is
 * retried with the configured backoff, and stop is bounded and idempotent. The backoff delays run on a
 * {@link ManualScheduler} the test advances: what is (not) retried is read from its queue, never waited for.
 */
class SmackChatPortTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<SmackChatPort> ports = new ArrayList<>();
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    /** The ports' retry timer: a retry waits in its queue until the test advances it. */
    private final ManualScheduler retryTimer = new ManualScheduler();

    private SmackChatPort port(Account account, XmppSettings settings) {
        SmackChatPort p = new SmackChatPort(account, settings, XmppAccounts.backoff(Duration.ofMillis(100)),
                ContactSettings.defaults(), Optional.empty(),
                new AddressNormalizer(ContactSettings.defaults().defaultRegion()), retryTimer);
        ports.add(p);
        return p;
    }

    private SmackChatPort port(int serverPort) {
        return port(XmppAccounts.account("alice", "pw-alice", serverPort, TestPki.get().caPem()),
                XmppAccounts.settings());
    }

    @AfterEach
    void stopAll() {
        ports.forEach(SmackChatPort::stop);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void cachedContactsAreReportedWhenStartReturnsEvenWithoutServer(@TempDir Path cacheDir) throws Exception {
        // RFC 6121 §2.6: the cached roster (with its version) and the cached tels show before any login.
        Path account = AccountCacheDir.of(cacheDir, "alice@cusax.test");
        Files.createDirectories(account);
        Files.writeString(account.resolve(AccountCacheDir.ROSTER), "<query xmlns='jabber:iq:roster' ver='4'>"
                + "<item jid='bob@cusax.test' name='Bob' subscription='both'/></query>");
        new ContactCacheFile(account.resolve(AccountCacheDir.CONTACTS), "alice@cusax.test").write(List.of(
                CachedContact.empty("bob@cusax.test").with(TelKind.VCARD_TEMP, new CachedContact.Fetched(
                        List.of(RawTel.of("+1 555 0100", "CELL")), Instant.parse("2025-01-01T00:00:00Z")))));
        SmackChatPort p = new SmackChatPort(XmppAccounts.account("alice", "pw", closedPort(), TestPki.get().caPem()),
                XmppAccounts.settings(), XmppAccounts.backoff(Duration.ofSeconds(5)),
                new ContactSettings("US", TelPreference.defaults(), Optional.of(cacheDir), 4, true),
                Optional.of("sip:alice@cusax.test"));
        ports.add(p);
        assertThat(p.contactStats()).isEqualTo(LoadStats.NONE);
        p.start(callbacks);
        assertThat(callbacks.rosters()).containsExactly(List.of(new RosterItem("bob@cusax.test", "Bob", "both")));
        assertThat(callbacks.tels("bob@cusax.test", TelSource.VCARD_TEMP)).contains(List.of(RawTel.of("+1 555 0100", "CELL")));
        assertThat(callbacks.log().indexOf("roster 1")).isLessThan(callbacks.log().indexOf("status CONNECTING"));
        assertThat(p.contactStats().vcardRequests()).isZero();
    }

    @Test
    void contactSettingsAndSipAddressAreRequired() {
        Account a = XmppAccounts.account("alice", "pw", 5222, TestPki.get().caPem());
        assertThatThrownBy(() -> new SmackChatPort(a, XmppAccounts.settings(), XmppAccounts.backoff(Duration.ofSeconds(1)),
                null, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmackChatPort(a, XmppAccounts.settings(), XmppAccounts.backoff(Duration.ofSeconds(1)),
                ContactSettings.defaults(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    private long reconnecting() {
        return callbacks.statuses().stream().filter(s -> s.state() == ConnectionState.RECONNECTING).count();
    }

    @Test
    void serverDownAtFirstAttemptIsRetriedWithBackoffUntilStopped() throws Exception {
        SmackChatPort port = port(closedPort());
        port.start(callbacks);
        ConnectionStatus first = callbacks.awaitState(ConnectionState.RECONNECTING, 1, WAIT);
        assertThat(first.half()).isEqualTo(Half.CHAT);
        assertThat(first.reason().orElseThrow().kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.retryIn()).contains(Duration.ofMillis(100));
        // the retry is on the timer (scheduled before RECONNECTING is reported) and waits for its time
        assertThat(retryTimer.pendingDelays()).containsExactly(Duration.ofMillis(100));
        retryTimer.advance(Duration.ofMillis(99));
        assertThat(retryTimer.pendingDelays()).containsExactly(Duration.ofMillis(1));
        assertThat(reconnecting()).isEqualTo(1);

        retryTimer.advance(Duration.ofMillis(1)); // the second attempt, on the supervisor's thread
        ConnectionStatus second = callbacks.awaitState(ConnectionState.RECONNECTING, 2, WAIT);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.retryIn()).contains(Duration.ofMillis(200));
        assertThat(retryTimer.pendingDelays()).containsExactly(Duration.ofMillis(200));
        retryTimer.advance(Duration.ofMillis(200));
        ConnectionStatus third = callbacks.awaitState(ConnectionState.RECONNECTING, 3, WAIT);
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.retryIn()).contains(Duration.ofMillis(400));
        assertThat(retryTimer.pendingDelays()).containsExactly(Duration.ofMillis(400));
        assertThat(port.transmit(ChatMessage.outgoing("bob@cusax.test", "hi"))).isEqualTo(TransmitResult.NOT_CONNECTED);

        port.stop();
        assertThat(callbacks.last().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(retryTimer.pendingDelays()).as("no retry left after stop").isEmpty();
        assertThat(retryTimer.isShutdown()).as("the port stops its retry timer").isTrue();
        int seen = callbacks.statuses().size();
        retryTimer.advance(Duration.ofHours(1)); // long past every backoff delay: nothing is due
        assertThat(callbacks.statuses()).hasSize(seen);
        assertThat(reconnecting()).as("three attempts failed, no fourth").isEqualTo(3);
    }

    @Test
    void sessionReplacedWhileWaitingToRetryLeavesNoRetryBehind() throws Exception {
        // CUSAX §3 switch changed while the server is down: the old session's supervisor stops and cancels its
        // retry on the port's timer, the new session retries on its own
        SmackChatPort port = port(closedPort());
        port.start(callbacks);
        callbacks.awaitState(ConnectionState.RECONNECTING, 1, WAIT);
        retryTimer.advance(Duration.ofMillis(50));
        assertThat(retryTimer.pendingDelays()).containsExactly(Duration.ofMillis(50));

        port.setFeatures(new Features(false, false));
        ConnectionStatus fresh = callbacks.awaitState(ConnectionState.RECONNECTING, 2, WAIT);
        assertThat(fresh.attempt()).as("the new session's first attempt").isEqualTo(1);
        assertThat(retryTimer.pendingDelays()).as("only the new session's retry").containsExactly(Duration.ofMillis(100));
        assertThat(retryTimer.isShutdown()).isFalse();
    }

    @Test
    void startReturnsAtOnceEvenIfTheServerNeverAnswers() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(blackHole.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            XmppSettings quick = new XmppSettings("cusax", false, Duration.ofSeconds(1), Duration.ofSeconds(1), true);
            SmackChatPort port = port(XmppAccounts.account("alice", "pw", blackHole.getLocalPort(),
                    TestPki.get().caPem()), quick);
            port.start(callbacks);
            // start() came back while the attempt is still waiting for a server that never answers
            assertThat(callbacks.statuses()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING
                    || s.state() == ConnectionState.FAILED || s.state() == ConnectionState.ONLINE);
            ConnectionStatus retry = callbacks.awaitState(ConnectionState.RECONNECTING, WAIT);
            assertThat(retry.reason().orElseThrow().kind()).isEqualTo(Kind.TIMEOUT);
            port.stop();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void serverWithoutStartTlsFailsForGood() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("cusax.test", null)) {
            SmackChatPort port = port(server.port());
            port.start(callbacks);
            ConnectionStatus failed = callbacks.awaitState(ConnectionState.FAILED, WAIT);
            assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.TLS_UNAVAILABLE);
            assertThat(retryTimer.pendingDelays()).as("no retry scheduled").isEmpty();
            retryTimer.advance(Duration.ofHours(1)); // long past every backoff delay
            assertThat(server.connections()).isEqualTo(1);
            assertThat(callbacks.statuses()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
            assertThat(port.state()).isEqualTo(ConnectionState.FAILED);
        }
    }

    @Test
    void certificateForAnotherHostFailsForGoodAndSaysWhy() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("cusax.test", TestPki.get().serverContext("wrong.test"))) {
            SmackChatPort port = port(server.port());
            port.start(callbacks);
            ConnectionStatus failed = callbacks.awaitState(ConnectionState.FAILED, WAIT);
            assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.CERTIFICATE);
            assertThat(failed.reason().orElseThrow().message())
                    .isEqualTo("the server certificate is not valid for cusax.test (it names a different host)");
            assertThat(retryTimer.pendingDelays()).as("no retry scheduled").isEmpty();
            retryTimer.advance(Duration.ofHours(1)); // long past every backoff delay
            assertThat(server.connections()).isEqualTo(1);
            assertThat(callbacks.statuses()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
            assertThat(port.state()).isEqualTo(ConnectionState.FAILED);
        }
    }

    @Test
    void certificateFromAnUnknownCaIsNotTrusted() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer("cusax.test", TestPki.get().serverContext("untrusted"))) {
            SmackChatPort port = port(server.port());
            port.start(callbacks);
            ConnectionStatus failed = callbacks.awaitState(ConnectionState.FAILED, WAIT);
            assertThat(failed.reason().orElseThrow().message())
                    .isEqualTo("the server certificate for cusax.test is not trusted: it was not issued by a CA in "
                            + "the trust store " + TestPki.get().caPem());
        }
    }

    @Test
    void missingTrustStoreIsAConfigurationFailureAtStart() throws Exception {
        Path missing = Path.of("/nonexistent/cusax/ca.pem");
        SmackChatPort port = port(XmppAccounts.account("alice", "pw", 5222, missing), XmppAccounts.settings());
        port.start(callbacks);
        ConnectionStatus failed = callbacks.awaitState(ConnectionState.FAILED, WAIT);
        assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(failed.reason().orElseThrow().message())
                .isEqualTo("the trust store " + missing + " does not exist or is not a file");
        assertThat(port.transmit(ChatMessage.outgoing("bob@cusax.test", "hi"))).isEqualTo(TransmitResult.NOT_CONNECTED);
    }

    @Test
    void lifecycleGuards() throws Exception {
        SmackChatPort port = port(closedPort());
        assertThat(port.transmit(ChatMessage.outgoing("bob@cusax.test", "early"))).isEqualTo(TransmitResult.NOT_CONNECTED);
        assertThat(port.state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(port.roster().size()).isZero();
        port.start(callbacks);
        assertThatThrownBy(() -> port.start(callbacks)).isInstanceOf(IllegalStateException.class);
        port.stop();
        port.stop(); // idempotent
        assertThat(port.transmit(ChatMessage.outgoing("bob@cusax.test", "late"))).isEqualTo(TransmitResult.NOT_CONNECTED);
        assertThat(callbacks.statuses().stream().filter(s -> s.state() == ConnectionState.OFFLINE)).hasSize(1);
    }

    @Test
    void refusesANonXmppAccount() {
        assertThatThrownBy(() -> new SmackChatPort(org.cusax.core.testing.TestAccounts.sip("alice",
                org.cusax.core.account.Transport.TLS), XmppSettings.defaults(), XmppAccounts.backoff(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an XMPP account");
    }
}
