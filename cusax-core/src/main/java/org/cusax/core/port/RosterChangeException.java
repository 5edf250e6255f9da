package org.cusax.core.port;

/**
 * A roster change (add, rename, remove a contact, answer a subscription request) the XMPP half could not
 * make. The message is for the user; it never holds a secret.
 */
public final class RosterChangeException extends Exception {
    /** Why the change did not happen. */
    public enum Kind {
        /** Chat is not online (or switched off): nothing was sent. */
        NOT_CONNECTED,
        /** The server answered with an error (RFC 6121 §2.3.3, §2.5.3: bad JID, not allowed, …). */
        REFUSED,
        /** The JID is not in the contact list. */
        NOT_FOUND,
        /** The server did not answer within the reply timeout. */
        TIMEOUT,
        /** This XMPP half keeps no roster. */
        UNSUPPORTED
    }

    private final Kind kind;

    public RosterChangeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
