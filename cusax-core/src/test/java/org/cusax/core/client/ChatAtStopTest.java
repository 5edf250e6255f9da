package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost silently when the client stops: the outbox is in memory, so a message still in it (never written
 * because Chat was down, or written and never acknowledged, XEP-0198 §4) ends failed with why, and the history
 * marks it so instead of listing it as sent.
 */
class ChatAtStopTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ChannelSecurity TLS = ChatClientFixture.TLS;

    private final ChatClientFixture fixture = new ChatClientFixture(ClientOptions.defaults());
    private final FakeChatPort chat = fixture.chat;
    private final EventRecorder recorder = fixture.recorder;
    private final CusaxClient client = fixture.client;

    @Test
    void aMessageStillQueuedWhenTheClientStopsEndsFailedAsNotSent() throws Exception {
        ChatMessage queued = client.sendChat("bob@cusax.test", "while Chat is down");
        assertThat(client.awaitDelivery(queued.id(), Duration.ZERO)).contains(DeliveryState.QUEUED);

        client.close();
        assertThat(chat.written()).isEmpty();
        assertThat(client.awaitDelivery(queued.id(), Duration.ZERO)).contains(DeliveryState.FAILED);
        assertThat(reasonOf(queued)).isEqualTo(ChatDelivery.NOT_SENT_AT_STOP);
        assertThat(fixture.chats()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("while Chat is down");
            assertThat(r.failure()).contains(ChatDelivery.NOT_SENT_AT_STOP);
        });
        assertThat(client.pendingMessages()).isZero();
    }

    @Test
    void aMessageWrittenButNeverAcknowledgedEndsFailedAsUnconfirmedAndAnAcknowledgedOneStaysDelivered()
            throws Exception {
        chat.goOnline(TLS);
        ChatMessage acked = client.sendChat("bob@cusax.test", "confirmed");
        ChatMessage unconfirmed = client.sendChat("bob@cusax.test", "never confirmed");
        chat.acknowledge(acked.id());
        assertThat(client.awaitDelivery(acked.id(), WAIT)).contains(DeliveryState.ACKNOWLEDGED);
        assertThat(client.awaitDelivery(unconfirmed.id(), Duration.ZERO)).contains(DeliveryState.SENT);

        client.close();
        assertThat(chat.stopped()).isTrue();
        assertThat(reasonOf(unconfirmed)).isEqualTo(ChatDelivery.UNCONFIRMED_AT_STOP);
        assertThat(client.awaitDelivery(acked.id(), Duration.ZERO)).contains(DeliveryState.ACKNOWLEDGED);
        assertThat(fixture.chats()).extracting(ChatRecord::body, r -> r.failure().orElse(""))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("confirmed", ""),
                        org.assertj.core.groups.Tuple.tuple("never confirmed", ChatDelivery.UNCONFIRMED_AT_STOP));
    }

    /** The reason of the message's FAILED event; close() has drained the event thread by then. */
    private String reasonOf(ChatMessage m) {
        return recorder.of(ChatMessageStatusChanged.class).stream()
                .filter(e -> e.message().id().equals(m.id()) && e.state() == DeliveryState.FAILED)
                .map(e -> e.reason().orElse("")).findFirst().orElse("(no FAILED event)");
    }
}
