package org.cusax.core.client;

import java.time.Duration;
import java.util.Optional;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.event.EventListener;

/**
 * The one command API every user interface speaks: CLI, web page, daemon socket and tests alike. Its
 * answers and the events a subscriber receives are plain data that render directly as JSON.
 */
public interface CusaxCommands {
    /** Current state of both halves. */
    ServiceStatus status();

    /** Waits until each configured half is online or has failed for good, at most {@code timeout}. */
    ServiceStatus awaitSettled(Duration timeout) throws InterruptedException;

    /**
     * Sends a chat message; returns at once. If Chat is down the message is queued and sent after
     * reconnection. Throws {@link IllegalArgumentException} for an invalid address or empty text.
     */
    ChatMessage sendChat(String peerJid, String text);

    /** Waits until the message is acknowledged or failed, at most {@code timeout}; its last state. */
    Optional<DeliveryState> awaitDelivery(String messageId, Duration timeout) throws InterruptedException;

    /** Receives every event from now on; close the handle to stop. */
    AutoCloseable subscribe(EventListener listener);
}
