package org.cusax.core.chat;

import java.time.Instant;
import java.util.UUID;

import org.cusax.core.contact.DisplayText;

/**
 * A one-to-one chat message.
 *
 * @param id        stanza id; the same id is kept when a message is re-sent, so a receiver can
 *                  drop duplicates
 * @param peer      the other party's bare JID
 * @param direction to or from us
 * @param body      the text
 * @param timestamp when it was written (outgoing) or received (incoming)
 */
public record ChatMessage(String id, String peer, Direction direction, String body, Instant timestamp) {
    public ChatMessage {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a chat message needs an id");
        }
        if (peer == null || peer.isBlank()) {
            throw new IllegalArgumentException("a chat message needs a peer address");
        }
        if (direction == null || timestamp == null) {
            throw new IllegalArgumentException("a chat message needs a direction and a time");
        }
        body = body == null ? "" : body;
    }

    /**
     * The body as front-ends show it: lines kept, control characters and bidi overrides neutralised
     * ({@link DisplayText#multiLine}); {@link #body()} stays as received.
     */
    public String displayBody() {
        return DisplayText.multiLine(body);
    }

    public static ChatMessage outgoing(String peer, String body) {
        return new ChatMessage("cusax-" + UUID.randomUUID(), peer, Direction.OUTGOING, body, Instant.now());
    }
}
