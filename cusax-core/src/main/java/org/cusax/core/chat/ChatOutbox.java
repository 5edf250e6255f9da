package org.cusax.core.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing messages not yet confirmed by the server, in the order the user wrote them. A message
 * leaves the outbox only when acknowledged or failed, so nothing the user sent is silently lost.
 * Thread-safe.
 */
public final class ChatOutbox {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One message and where it is. */
    public record Entry(ChatMessage message, DeliveryState state) {
    }

    public synchronized void enqueue(ChatMessage message) {
        if (entries.containsKey(message.id())) {
            throw new IllegalArgumentException("message " + message.id() + " is already in the outbox");
        }
        entries.put(message.id(), new Entry(message, DeliveryState.QUEUED));
    }

    /** Messages still waiting to be written to a stream, oldest first. */
    public synchronized List<ChatMessage> queued() {
        List<ChatMessage> result = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state() == DeliveryState.QUEUED) {
                result.add(e.message());
            }
        }
        return result;
    }

    /**
     * Moves a message to a new state; acknowledged and failed messages leave the outbox.
     *
     * @return the message, if it was in the outbox
     */
    public synchronized Optional<ChatMessage> mark(String id, DeliveryState state) {
        Entry e = entries.get(id);
        if (e == null) {
            return Optional.empty();
        }
        if (state == DeliveryState.ACKNOWLEDGED || state == DeliveryState.FAILED) {
            entries.remove(id);
        } else {
            entries.put(id, new Entry(e.message(), state));
        }
        return Optional.of(e.message());
    }

    /** Moves every written-but-unconfirmed message back to QUEUED (the stream that had them is gone). */
    public synchronized List<ChatMessage> requeueUnacknowledged() {
        List<ChatMessage> moved = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (e.getValue().state() == DeliveryState.SENT) {
                e.setValue(new Entry(e.getValue().message(), DeliveryState.QUEUED));
                moved.add(e.getValue().message());
            }
        }
        return moved;
    }

    /** Every message still in the outbox with its state, oldest first (a copy). */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized Optional<DeliveryState> state(String id) {
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.state());
    }

    public synchronized int size() {
        return entries.size();
    }
}
