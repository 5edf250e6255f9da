package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6120 §8.3 / RFC 6121 §8.5.2: a message the server or the peer's server answers with an error ends
 * {@code failed}, with the server's reason, also when the error comes after the server's acknowledgement;
 * the history keeps the message, marked failed.
 */
class ChatRefusalTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ChannelSecurity TLS = ChatClientFixture.TLS;

    private final ChatClientFixture fixture = new ChatClientFixture(
            ClientOptions.defaults().withPresence(PresenceSettings.defaults()));
    private final FakeChatPort chat = fixture.chat;
    private final EventRecorder recorder = fixture.recorder;
    private final CusaxClient client = fixture.client;

    @BeforeEach
    void setUp() {
        chat.goOnline(TLS);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aRefusedMessageFailsWithTheServersReasonAndIsMarkedFailedInTheHistory() throws Exception {
        ChatMessage m = client.sendChat("nobody@cusax.test", "anyone?");
        chat.refuse(m.id(), "the recipient's server does not accept this message (service-unavailable)");

        assertThat(client.awaitDelivery(m.id(), WAIT)).contains(DeliveryState.FAILED);
        ChatMessageStatusChanged failed = recorder.await(ChatMessageStatusChanged.class,
                e -> e.state() == DeliveryState.FAILED, WAIT);
        assertThat(failed.reason()).get().asString().contains("service-unavailable");
        chat.acknowledge(m.id()); // the ack that follows the error changes nothing
        assertThat(client.awaitDelivery(m.id(), Duration.ZERO)).contains(DeliveryState.FAILED);
        assertThat(states(m)).containsExactly(DeliveryState.QUEUED, DeliveryState.SENT, DeliveryState.FAILED);

        assertThat(fixture.chats()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(m.id());
            assertThat(r.body()).isEqualTo("anyone?");
            assertThat(r.failure()).get().asString().contains("service-unavailable");
        });
    }

    @Test
    void anErrorAfterTheAcknowledgementStillFailsTheMessage() throws Exception {
        ChatMessage m = client.sendChat("bob@far.example", "hello");
        chat.acknowledge(m.id());
        assertThat(client.awaitDelivery(m.id(), WAIT)).contains(DeliveryState.ACKNOWLEDGED);
        awaitState(m, DeliveryState.ACKNOWLEDGED);
        assertThat(fixture.chats()).singleElement().satisfies(r -> assertThat(r.failure()).isEmpty());

        chat.refuse(m.id(), "the recipient's server cannot be reached (remote-server-not-found)");
        assertThat(client.awaitDelivery(m.id(), Duration.ZERO)).contains(DeliveryState.FAILED);
        awaitState(m, DeliveryState.FAILED); // events (and the history written from them) come on their own thread
        assertThat(states(m)).containsExactly(DeliveryState.QUEUED, DeliveryState.SENT, DeliveryState.ACKNOWLEDGED,
                DeliveryState.FAILED);
        assertThat(fixture.chats()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(m.id());
            assertThat(r.failure()).get().asString().contains("remote-server-not-found");
        });
    }

    @Test
    void anErrorForAnUnknownMessageChangesNothing() throws Exception {
        ChatMessage m = client.sendChat("bob@cusax.test", "hello");
        chat.acknowledge(m.id());
        chat.refuse("not-ours", "whatever");
        ChatMessage next = client.sendChat("bob@cusax.test", "and then");
        chat.acknowledge(next.id());
        awaitState(next, DeliveryState.ACKNOWLEDGED); // events are published in order: the refusal's would be before
        assertThat(recorder.of(ChatMessageStatusChanged.class)).noneMatch(e -> e.state() == DeliveryState.FAILED);
        assertThat(fixture.chats()).hasSize(2).allSatisfy(r -> assertThat(r.failure()).isEmpty());
    }

    private void awaitState(ChatMessage m, DeliveryState state) throws InterruptedException {
        recorder.await(ChatMessageStatusChanged.class, e -> e.message().id().equals(m.id()) && e.state() == state, WAIT);
    }

    private List<DeliveryState> states(ChatMessage m) {
        return recorder.of(ChatMessageStatusChanged.class).stream().filter(e -> e.message().id().equals(m.id()))
                .map(ChatMessageStatusChanged::state).toList();
    }
}
