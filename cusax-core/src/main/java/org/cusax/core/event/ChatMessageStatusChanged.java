package org.cusax.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;

/**
 * One of our outgoing messages moved on: queued, handed to the server, acknowledged, or failed. A
 * failure carries the reason the server (or the peer's server) gave, e.g. "service-unavailable". A
 * message the server acknowledged can still fail afterwards, when the error comes from farther away.
 */
public record ChatMessageStatusChanged(Instant at, ChatMessage message, DeliveryState state, Optional<String> reason)
        implements CusaxEvent {
    public ChatMessageStatusChanged {
        Objects.requireNonNull(reason, "reason");
    }

    public ChatMessageStatusChanged(Instant at, ChatMessage message, DeliveryState state) {
        this(at, message, state, Optional.empty());
    }

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "chat-status";
    }
}
