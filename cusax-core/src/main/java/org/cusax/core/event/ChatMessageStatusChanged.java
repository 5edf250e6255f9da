package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;

/** One of our outgoing messages moved on: queued, handed to the server, acknowledged, or failed. */
public record ChatMessageStatusChanged(Instant at, ChatMessage message, DeliveryState state) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "chat-status";
    }
}
