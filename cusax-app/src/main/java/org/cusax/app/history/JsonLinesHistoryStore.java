package org.cusax.app.history;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cusax.core.call.CallDirection;
import org.cusax.core.chat.Direction;
import org.cusax.core.history.CallOutcome;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.HistoryEntry;
import org.cusax.core.history.HistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's history as JSON lines: each entry appended as one object on its own line (so a crash
 * can at most cut the last line), the file created owner-only. Reading skips, with a warning, every line
 * that is not a complete entry. Writing does not depend on the thread's interrupt status (java.io streams,
 * not interruptible NIO channels), so an entry appended while the process shuts down is not lost.
 * Thread-safe within the process.
 */
public final class JsonLinesHistoryStore implements HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesHistoryStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonLinesHistoryStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(HistoryEntry entry) {
        try {
            ensureFile();
            // a previous write was cut short: a newline first keeps that fragment off our line
            String line = (endsWithoutNewline() ? "\n" : "") + JSON.writeValueAsString(toJson(entry)) + "\n";
            // java.io streams only, no NIO FileChannel: the event dispatcher that appends is interrupted when it has
            // not drained at shutdown, and an interrupt closes a FileChannel (ClosedByInterruptException)
            try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warn("could not write the history file {}: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized List<HistoryEntry> load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("could not read the history file {}: {}", file, e.getMessage());
            return List.of();
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(fromJson(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipped line {} of {}: not a history entry ({})", i + 1, file, e.getMessage());
            }
        }
        return out;
    }

    /** Reads the last byte with java.io: an interrupted thread's NIO channel read would fail the append. */
    private boolean endsWithoutNewline() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            if (size == 0) {
                return false;
            }
            f.seek(size - 1);
            return f.read() != '\n';
        }
    }

    private void ensureFile() throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another process created it meanwhile
        }
    }

    /** The JSON form of an entry, as written to the file and printed by {@code cusax history --json}. */
    public static Map<String, Object> toJson(HistoryEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", entry.kind());
        m.put("at", entry.at().toString());
        if (entry instanceof CallRecord c) {
            m.put("callId", c.callId());
            m.put("direction", c.direction().token());
            m.put("remote", c.remote());
            m.put("contact", c.contact().orElse(null));
            m.put("durationMs", c.duration().toMillis());
            m.put("outcome", c.outcome().token());
        } else if (entry instanceof ChatRecord c) {
            m.put("id", c.id());
            m.put("direction", c.direction().name().toLowerCase(Locale.ROOT));
            m.put("peer", c.peer());
            m.put("contact", c.peer());
            m.put("body", c.body());
            c.failure().ifPresent(reason -> m.put("failed", reason));
        }
        return m;
    }

    /**
     * The JSON form shown to a user (the API's {@code history}, {@code cusax history --json}): as
     * {@link #toJson} but a chat body in its display form ({@code ChatRecord.displayBody()}); the file keeps
     * the body as received.
     */
    public static Map<String, Object> toDisplayJson(HistoryEntry entry) {
        Map<String, Object> m = toJson(entry);
        if (entry instanceof ChatRecord c) {
            m.put("body", c.displayBody());
        }
        return m;
    }

    public static HistoryEntry fromJson(JsonNode n) {
        String kind = text(n, "kind");
        Instant at = Instant.parse(text(n, "at"));
        String direction = text(n, "direction");
        return switch (kind) {
            case "call" -> new CallRecord(text(n, "callId"), at, callDirection(direction), text(n, "remote"),
                    Optional.ofNullable(n.get("contact")).filter(c -> !c.isNull()).map(JsonNode::asText),
                    Duration.ofMillis(number(n, "durationMs")),
                    CallOutcome.fromToken(text(n, "outcome"))
                            .orElseThrow(() -> new IllegalArgumentException("unknown outcome " + text(n, "outcome"))));
            case "chat" -> new ChatRecord(text(n, "id"), at, Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
                    text(n, "peer"), text(n, "body"),
                    Optional.ofNullable(n.get("failed")).filter(JsonNode::isTextual).map(JsonNode::asText));
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
        };
    }

    private static CallDirection callDirection(String token) {
        for (CallDirection d : CallDirection.values()) {
            if (d.token().equals(token)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + token + "'");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("'" + field + "' is not a duration");
        }
        return v.asLong();
    }
}
