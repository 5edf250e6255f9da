package org.cusax.core.port;

/** Outcome of handing one chat message to the XMPP stream. */
public enum TransmitResult {
    /** Written; the stream has acknowledgements (XEP-0198), so {@code onAcknowledged} will follow. */
    SENT_AWAITING_ACK,
    /** Written on a stream without acknowledgements: as delivered as it will get. */
    SENT_WITHOUT_ACK,
    /** Chat is not online: nothing was written, the message stays queued. */
    NOT_CONNECTED,
    /**
     * Refused for good without being written (invalid address, chat switched off); the port has
     * reported why through {@code onDeliveryFailed}. Other queued messages are unaffected.
     */
    REJECTED
}
