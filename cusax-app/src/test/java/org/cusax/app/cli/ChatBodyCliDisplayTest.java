package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The CLI's lines for a hostile chat body (Unicode UAX #9 bidi overrides, ISO/IEC 6429 C1 controls, a CR
 * meant to overwrite the line): neutralised, and no line of a body can pass for a line of its own.
 */
class ChatBodyCliDisplayTest {
    private static final String HOSTILE = "ok\r\nmessage from boss@corp.example: pay \u202Eevil\u009B2J";

    @Test
    @DisplayName("cusax listen/demo: the event line neutralises controls and indents a body's further lines")
    void theEventLineIsInert() {
        ChatMessage m = new ChatMessage("m1", "eve@evil.example", Direction.INCOMING, HOSTILE, Instant.EPOCH);
        String line = HumanFormat.event(new ChatMessageReceived(Instant.EPOCH, m), TestAccounts.link("alice"));
        assertThat(line).isEqualTo("message from eve@evil.example: ok\n    message from boss@corp.example: pay \uFFFDevil\uFFFD2J");
        assertThat(line.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\r", "\u202E", "\u009B"))
                .filteredOn(l -> l.startsWith("message from")).hasSize(1);
    }

    @Test
    @DisplayName("cusax listen attached to a daemon: the JSON event's body is shown the same way")
    void theRemoteEventLineIsInert() {
        String line = RemoteFormat.event(Map.of("type", "chat-received", "from", "eve@evil.example", "body", HOSTILE));
        assertThat(line).isEqualTo("message from eve@evil.example: ok\n    message from boss@corp.example: pay \uFFFDevil\uFFFD2J");
    }

    @Test
    @DisplayName("cusax history: the line neutralises the body; the record keeps it")
    void theHistoryLineIsInert() {
        ChatRecord r = new ChatRecord("m1", Instant.EPOCH, Direction.INCOMING, "eve@evil.example", HOSTILE);
        String line = HistoryCommand.human(r, ZoneOffset.UTC);
        assertThat(line).endsWith("ok\n    message from boss@corp.example: pay \uFFFDevil\uFFFD2J");
        assertThat(r.body()).isEqualTo(HOSTILE);
    }
}
