package org.cusax.core.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.contact.Contact;
import org.cusax.core.event.EventListener;
import org.cusax.core.routing.RoutingDecision;

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

    /** The contact list (the roster) with each contact's presence and telephony addresses. */
    List<Contact> contacts();

    /** Waits until every contact's details are known (from the server or the cache). */
    boolean awaitContactsLoaded(Duration timeout) throws InterruptedException;

    /**
     * Decides how a call to {@code target} (a roster JID, a SIP/tel URI or a number) would go: which
     * account, which address — or what the user must choose, or why it cannot go (RFC 7081 §4).
     */
    RoutingDecision route(String target);

    /** Receives every event from now on; close the handle to stop. */
    AutoCloseable subscribe(EventListener listener);
}
