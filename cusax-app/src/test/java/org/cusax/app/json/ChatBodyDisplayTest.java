package org.cusax.app.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cusax.app.api.EventEncoder;
import org.cusax.app.history.JsonLinesHistoryStore;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.HistoryEntry;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incoming chat bodies with "Trojan Source" bidi controls (CVE-2021-42574, Unicode UAX #9) and C1 controls
 * (ISO/IEC 6429) reach every front-end neutralised — the event the page and {@code cusax listen} read, the
 * API's history and the history file's display — while the history file keeps the body as received.
 */
class ChatBodyDisplayTest {
    /** Shows "call me: txt.exe" reversed to hide an extension, then an 8-bit CSI that would clear a terminal. */
    private static final String HOSTILE = "see \u202Eexe.txt\u202C\r\nand\u2067 this\u2069\u009B2J";
    private static final String SHOWN = "see \uFFFDexe.txt\uFFFD\nand\uFFFD this\uFFFD\uFFFD2J";

    @TempDir
    Path dir;

    private final ChatMessage incoming = new ChatMessage("m1", "eve@evil.example", Direction.INCOMING, HOSTILE,
            Instant.EPOCH);

    @Test
    @DisplayName("the chat-received event (web page, WebSocket, cusax listen --json) carries the neutralised body")
    void theEventCarriesTheDisplayForm() {
        Map<String, Object> e = new EventEncoder(TestAccounts.link("alice")).encode(
                new ChatMessageReceived(Instant.EPOCH, incoming));
        assertThat(e).containsEntry("body", SHOWN);
        assertThat(JsonModel.message(incoming)).containsEntry("body", SHOWN);
    }

    @Test
    @DisplayName("the history file keeps the body as received; the API's history shows its display form")
    void theHistoryKeepsTheBodyAndShowsItNeutralised() throws IOException {
        Path file = dir.resolve("history.jsonl");
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(file);
        store.append(ChatRecord.of(incoming));
        List<HistoryEntry> loaded = new JsonLinesHistoryStore(file).load();
        assertThat(((ChatRecord) loaded.get(0)).body()).isEqualTo(HOSTILE);
        assertThat(JsonLinesHistoryStore.toJson(loaded.get(0))).containsEntry("body", HOSTILE);
        assertThat(JsonLinesHistoryStore.toDisplayJson(loaded.get(0))).containsEntry("body", SHOWN);
    }

    @Test
    @DisplayName("the web page writes network text only through textContent (no innerHTML, outerHTML, insertAdjacentHTML, document.write)")
    void thePageNeverTurnsTextIntoMarkup() throws IOException {
        Pattern markupSinks = Pattern.compile("\\b(innerHTML|outerHTML|insertAdjacentHTML|document\\.write|"
                + "createContextualFragment|DOMParser|srcdoc)\\b");
        List<Path> files;
        try (var list = Files.list(Path.of("src/main/resources/org/cusax/app/web/static"))) {
            files = list.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            Matcher m = markupSinks.matcher(Files.readString(f));
            assertThat(m.find() ? m.group() : "").as("%s writes markup", f.getFileName()).isEmpty();
        }
        String view = Files.readString(Path.of("src/main/resources/org/cusax/app/web/static/view.js"));
        assertThat(view).contains("else if (k === 'text') e.textContent = v;");
    }
}
