package org.cusax.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cusax.core.call.CallDirection;
import org.cusax.core.chat.Direction;
import org.cusax.core.history.CallOutcome;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history file: JSON lines that survive a restart; broken lines are skipped, nothing else lost. */
class JsonLinesHistoryStoreTest {
    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    @TempDir
    Path dir;

    private final CallRecord call = new CallRecord("c1", T, CallDirection.INCOMING, "sip:+33612345678@cusax.test",
            Optional.of("bob@cusax.test"), Duration.ofMillis(61_500), CallOutcome.ANSWERED);
    private final CallRecord missed = new CallRecord("c2", T.plusSeconds(60), CallDirection.INCOMING,
            "sip:x@elsewhere.test", Optional.empty(), Duration.ZERO, CallOutcome.MISSED);
    private final ChatRecord chat = new ChatRecord("m1", T.plusSeconds(90), Direction.OUTGOING, "bob@cusax.test",
            "sorry, \"busy\"\nline two");

    @Test
    void entriesSurviveANewStoreOnTheSameFile() throws Exception {
        Path file = dir.resolve("acct/history.jsonl");
        JsonLinesHistoryStore first = new JsonLinesHistoryStore(file);
        first.append(call);
        first.append(missed);
        first.append(chat);
        ChatRecord refused = chat.failed("the recipient's server does not accept this message (service-unavailable)");
        first.append(refused);
        assertThat(Files.readAllLines(file)).hasSize(4);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        List<HistoryEntry> loaded = new JsonLinesHistoryStore(file).load();
        assertThat(loaded).containsExactly(call, missed, chat, refused);
    }

    @Test
    void malformedLinesAreSkippedTheRestIsKept() throws Exception {
        Path file = dir.resolve("history.jsonl");
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(file);
        store.append(call);
        Files.writeString(file, "{\"kind\":\"call\",\"at\":\"yesterday\"}\nnot json at all\n{\"kind\":\"fax\",\"at\":\""
                + T + "\"}\n\n{\"kind\":\"call\",\"at\":\"" + T + "\",\"callId\":\"x\",\"direction\":\"incoming\","
                + "\"remote\":\"sip:a@b\",\"contact\":null,\"durationMs\":-5,\"outcome\":\"missed\"}\n{\"kind\":\"ch",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.append(chat);
        assertThat(store.load()).containsExactly(call, chat);
    }

    /**
     * The event dispatcher that appends entries is interrupted when it has not drained at shutdown: the entry
     * it is writing then must still reach the file (an NIO channel would be closed by the interrupt).
     */
    @Test
    void anEntryAppendedByAnInterruptedThreadIsKept() {
        Path file = dir.resolve("history.jsonl");
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(file);
        store.append(call);
        Thread.currentThread().interrupt();
        try {
            store.append(chat);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left to its owner").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(store.load()).containsExactly(call, chat);
    }

    @Test
    void aMissingFileIsAnEmptyHistory() {
        assertThat(new JsonLinesHistoryStore(dir.resolve("none/history.jsonl")).load()).isEmpty();
    }

    @Test
    void theAccountDirectoryNameCannotEscape() {
        assertThat(HistoryFiles.escape("Alice@cusax.test")).isEqualTo("alice@cusax.test");
        assertThat(HistoryFiles.escape("../x/y@z")).isEqualTo("%2E.%2Fx%2Fy@z");
        assertThat(HistoryFiles.escape("sip:a@b")).isEqualTo("sip%3Aa@b");
    }
}
