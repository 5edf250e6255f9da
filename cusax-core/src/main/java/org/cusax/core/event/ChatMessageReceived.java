package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.chat.ChatMessage;

/** A chat message arrived. */
public record ChatMessageReceived(Instant at, ChatMessage message) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "chat-received";
    }
}
