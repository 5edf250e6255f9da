package org.cusax.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.core.contact.DisplayText;

/**
 * One chat message in the history.
 *
 * @param id        the message id
 * @param at        when it was sent or received
 * @param direction ours or theirs
 * @param peer      the other party's bare JID
 * @param body      the text
 * @param failure   for a message we sent that the server (or the peer's server) refused: the reason
 */
public record ChatRecord(String id, Instant at, Direction direction, String peer, String body, Optional<String> failure)
        implements HistoryEntry {
    public ChatRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(failure, "failure");
        body = body == null ? "" : body;
    }

    public ChatRecord(String id, Instant at, Direction direction, String peer, String body) {
        this(id, at, direction, peer, body, Optional.empty());
    }

    /** The same message, marked as refused for {@code reason}. */
    public ChatRecord failed(String reason) {
        return new ChatRecord(id, at, direction, peer, body, Optional.of(reason));
    }

    /** The body as front-ends show it ({@link DisplayText#multiLine}); {@link #body()} is kept as received. */
    public String displayBody() {
        return DisplayText.multiLine(body);
    }

    public static ChatRecord of(ChatMessage m) {
        return new ChatRecord(m.id(), m.timestamp(), m.direction(), m.peer(), m.body());
    }

    @Override
    public Optional<String> contact() {
        return Optional.of(peer);
    }

    @Override
    public String kind() {
        return "chat";
    }
}
