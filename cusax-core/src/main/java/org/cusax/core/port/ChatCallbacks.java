package org.cusax.core.port;

import org.cusax.core.chat.ChatMessage;

/** What the XMPP half reports back to the core: its state, chat traffic, and the contact list. */
public interface ChatCallbacks extends StatusListener, ContactCallbacks {
    /** A one-to-one chat message with a body arrived. */
    void onMessage(ChatMessage incoming);

    /** The server acknowledged the stanza with this id (XEP-0198). */
    void onAcknowledged(String messageId);

    /** The server or the peer's server returned an error for the stanza with this id. */
    void onDeliveryFailed(String messageId, String reason);
}
