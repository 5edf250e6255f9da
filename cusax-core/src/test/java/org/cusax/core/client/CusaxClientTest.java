package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.chat.Direction;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7081 §3 (client bootstrap): the halves log in independently; chat is never lost. */
class CusaxClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "cusax.test",
            "SCRAM-SHA-1");

    private final FakeChatPort chat = new FakeChatPort();
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony), new EventBus());
        client.subscribe(recorder);
        client.start();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void bothHalvesStartWithoutWaitingForEachOther() {
        assertThat(chat.started()).isTrue();
        assertThat(telephony.started()).isTrue();
        assertThat(client.status().chat().state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.CONNECTING);
    }

    @Test
    void oneHalfFailingLeavesTheOtherUp() throws Exception {
        chat.fail(FailureReason.of(FailureReason.Kind.AUTHENTICATION, "wrong password for alice@cusax.test"));
        telephony.register(TLS);
        ServiceStatus status = client.awaitSettled(WAIT);
        assertThat(status.chat().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(status.chat().reason()).get().extracting(FailureReason::kind)
                .isEqualTo(FailureReason.Kind.AUTHENTICATION);
        assertThat(status.telephony().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(telephony.stopped()).isFalse();
    }

    @Test
    void losingChatDoesNotTouchTelephony() throws Exception {
        chat.goOnline(TLS);
        telephony.register(TLS);
        chat.lose(FailureReason.of(FailureReason.Kind.CONNECTION_LOST, "server closed the stream"));
        recorder.await(ConnectionChanged.class, e -> e.status().state() == ConnectionState.RECONNECTING, WAIT);
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void awaitSettledWaitsWhileAHalfIsReconnecting() throws Exception {
        telephony.register(TLS);
        chat.lose(FailureReason.of(FailureReason.Kind.UNREACHABLE, "connection refused"));
        ServiceStatus status = client.awaitSettled(Duration.ofMillis(200));
        assertThat(status.chat().state()).isEqualTo(ConnectionState.RECONNECTING);
    }

    @Test
    void aStartFailureOfOneHalfIsReportedAndTheOtherStillStarts() {
        FakeChatPort chat2 = new FakeChatPort();
        FakeTelephonyPort broken = new FakeTelephonyPort();
        broken.failOnStart(new IllegalStateException("no free port"));
        try (CusaxClient c = new CusaxClient(TestAccounts.link("bob"), Optional.of(chat2), Optional.of(broken),
                new EventBus())) {
            c.start();
            assertThat(c.status().telephony().state()).isEqualTo(ConnectionState.FAILED);
            assertThat(c.status().telephony().reason()).get().extracting(FailureReason::message)
                    .asString().contains("no free port");
            assertThat(chat2.started()).isTrue();
        }
    }

    @Test
    void aMessageSentWhileChatIsDownIsQueuedAndSentOnReconnection() throws Exception {
        ChatMessage m = client.sendChat("bob@cusax.test", "are you there?");
        assertThat(chat.written()).isEmpty();
        assertThat(client.awaitDelivery(m.id(), Duration.ZERO)).contains(DeliveryState.QUEUED);

        chat.goOnline(TLS);
        assertThat(chat.written()).extracting(ChatMessage::id).containsExactly(m.id());
        assertThat(client.awaitDelivery(m.id(), Duration.ZERO)).contains(DeliveryState.SENT);

        chat.acknowledge(m.id());
        assertThat(client.awaitDelivery(m.id(), WAIT)).contains(DeliveryState.ACKNOWLEDGED);
        assertThat(client.pendingMessages()).isZero();
        recorder.await(ChatMessageStatusChanged.class, e -> e.state() == DeliveryState.ACKNOWLEDGED, WAIT);
    }

    @Test
    void queuedMessagesKeepTheirOrder() {
        ChatMessage first = client.sendChat("bob@cusax.test", "one");
        ChatMessage second = client.sendChat("bob@cusax.test", "two");
        chat.goOnline(TLS);
        assertThat(chat.written()).extracting(ChatMessage::id).containsExactly(first.id(), second.id());
    }

    @Test
    void withoutStreamAcknowledgementsASentMessageIsDone() throws Exception {
        chat.withoutAcks();
        chat.goOnline(TLS);
        ChatMessage m = client.sendChat("xmpp:bob@CUSAX.test/phone", "hi");
        assertThat(m.peer()).isEqualTo("bob@cusax.test");
        assertThat(client.awaitDelivery(m.id(), WAIT)).contains(DeliveryState.ACKNOWLEDGED);
    }

    @Test
    void aRejectedMessageFailsAloneAndTheNextOneStillGoes() throws Exception {
        FakeChatPort picky = new FakeChatPort();
        try (CusaxClient c = new CusaxClient(TestAccounts.link("bob"), Optional.of(picky),
                Optional.of(new FakeTelephonyPort()), new EventBus())) {
            c.start();
            picky.rejectNext();
            ChatMessage bad = c.sendChat("carol@cusax.test", "refused");
            ChatMessage good = c.sendChat("dave@cusax.test", "fine");
            picky.goOnline(TLS);
            assertThat(c.awaitDelivery(bad.id(), WAIT)).contains(DeliveryState.FAILED);
            assertThat(picky.written()).extracting(ChatMessage::id).containsExactly(good.id());
        }
    }

    @Test
    void messagesWrittenToAStreamThatFailsForGoodAreQueuedAgain() throws Exception {
        chat.goOnline(TLS);
        ChatMessage m = client.sendChat("bob@cusax.test", "in flight");
        assertThat(client.awaitDelivery(m.id(), Duration.ZERO)).contains(DeliveryState.SENT);
        chat.fail(FailureReason.of(FailureReason.Kind.AUTHENTICATION, "password changed"));
        assertThat(client.awaitDelivery(m.id(), Duration.ZERO)).contains(DeliveryState.QUEUED);
        assertThat(client.pendingMessages()).isEqualTo(1);
    }

    @Test
    void invalidAddressesAndEmptyTextAreRefusedClearly() {
        assertThatThrownBy(() -> client.sendChat("bob", "hi")).hasMessageContaining("not a chat address");
        assertThatThrownBy(() -> client.sendChat("bob@cusax.test", "  ")).hasMessageContaining("empty");
        assertThat(client.pendingMessages()).isZero();
    }

    @Test
    void incomingMessagesArePublished() throws Exception {
        chat.goOnline(TLS);
        chat.receive(new ChatMessage("m1", "bob@cusax.test", Direction.INCOMING, "hello", java.time.Instant.now()));
        ChatMessageReceived e = recorder.await(ChatMessageReceived.class, x -> true, WAIT);
        assertThat(e.message().body()).isEqualTo("hello");
    }

    @Test
    void differentSecurityLevelsAreReportedToTheUser() throws Exception {
        chat.goOnline(TLS);
        telephony.register(ChannelSecurity.plain("digest MD5"));
        SecurityParityChanged e = recorder.await(SecurityParityChanged.class, x -> !x.parity().matched(), WAIT);
        assertThat(e.parity().explanation()).contains("Telephony uses SIP over").contains("unencrypted").contains("while Chat uses XMPP (TLSv1.3");
        assertThat(client.status().parity().matched()).isFalse();
    }

    @Test
    void closeStopsBothHalvesAndReportsOffline() throws Exception {
        chat.goOnline(TLS);
        telephony.register(TLS);
        client.close();
        assertThat(chat.stopped()).isTrue();
        assertThat(telephony.stopped()).isTrue();
        assertThat(client.status().halves()).allMatch(s -> s.state() == ConnectionState.OFFLINE);
    }
}
