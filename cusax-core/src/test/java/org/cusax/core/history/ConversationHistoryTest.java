package org.cusax.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cusax.core.call.CallDirection;
import org.cusax.core.chat.Direction;
import org.junit.jupiter.api.Test;

/** One conversation per contact: calls and chat messages by time, newest N. */
class ConversationHistoryTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    private final InMemoryHistoryStore store = new InMemoryHistoryStore();
    private final ConversationHistory history = new ConversationHistory(store);

    @Test
    void filtersByContactSortsByTimeAndKeepsTheNewest() {
        store.append(new ChatRecord("m2", T.plusSeconds(20), Direction.INCOMING, "bob@cusax.test", "later"));
        store.append(new CallRecord("c1", T, CallDirection.INCOMING, "sip:bob@cusax.test",
                Optional.of("bob@cusax.test"), Duration.ofSeconds(5), CallOutcome.ANSWERED));
        store.append(new CallRecord("c2", T.plusSeconds(10), CallDirection.OUTGOING, "sip:x@y.test",
                Optional.empty(), Duration.ZERO, CallOutcome.BUSY));

        assertThat(history.entries(Optional.of("BOB@cusax.test/phone"), 0)).extracting(HistoryEntry::at)
                .containsExactly(T, T.plusSeconds(20));
        assertThat(history.entries(Optional.empty(), 2)).extracting(HistoryEntry::kind).containsExactly("call", "chat");
        assertThat(history.entries(Optional.empty(), 0)).hasSize(3);
        assertThatThrownBy(() -> history.entries(Optional.of("not a jid"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(history.entries(Optional.of("nobody@cusax.test"), 0)).isEqualTo(List.of());
    }
}
