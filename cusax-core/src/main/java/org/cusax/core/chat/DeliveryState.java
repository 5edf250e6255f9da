package org.cusax.core.chat;

/** Life of an outgoing chat message. */
public enum DeliveryState {
    /** Accepted by the client, waiting for Chat to be online. */
    QUEUED,
    /** Written to the XMPP stream; the server has not confirmed it yet. */
    SENT,
    /** The server acknowledged it (XEP-0198), or the stream has no acknowledgements and it was sent. */
    ACKNOWLEDGED,
    /** Could not be delivered (e.g. the server refused it); the reason is logged and reported. */
    FAILED
}
