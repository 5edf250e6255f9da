package org.cusax.core.port;

import org.cusax.core.chat.ChatMessage;

/**
 * The XMPP half: login, stay logged in, carry chat messages.
 *
 * <p>Once started, the port keeps itself connected (reconnecting with backoff) until {@link #stop()};
 * it gives up only on permanent failures (wrong password, refused certificate), reporting FAILED.
 * Stanzas handed over while the stream has acknowledgements are the port's to re-send after a
 * reconnection until acknowledged.
 */
public interface ChatPort {
    /** Starts connecting in the background and returns at once. Called once. */
    void start(ChatCallbacks callbacks);

    /** Hands one message to the stream; never blocks on the network for long. */
    TransmitResult transmit(ChatMessage message);

    /**
     * Shows {@code presence} (availability and status text, RFC 6121 §4.7.2) to our contacts from now on,
     * also after a reconnection. A port without presence (chat switched off) ignores it.
     */
    default void setOwnPresence(org.cusax.core.contact.Presence presence) {
    }

    /** Logs out (sending unavailable presence) and releases everything; bounded in time. */
    void stop();
}
