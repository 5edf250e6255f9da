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

    /**
     * Applies the account's feature switches in the running session (CUSAX §3): chat and presence on or off
     * from now on. May block while the session changes; call it on the XMPP half's executor.
     */
    default void setFeatures(org.cusax.core.account.Features features) {
        throw new UnsupportedOperationException("this chat port cannot change its feature switches while it runs");
    }

    /**
     * Adds {@code jid} to the roster with a name and groups (RFC 6121 §2.3) and asks to see its presence
     * (subscribe, §3.1.1); changes name and groups if it is there. Blocks until the server answers (bounded by
     * the reply timeout); call it on the XMPP half's executor.
     */
    default void addContact(String jid, String name, java.util.List<String> groups) throws RosterChangeException,
            InterruptedException {
        throw new RosterChangeException(RosterChangeException.Kind.UNSUPPORTED, "this account keeps no contact list");
    }

    /** Gives a roster item a new name and groups (RFC 6121 §2.4); blocking like {@link #addContact}. */
    default void updateContact(String jid, String name, java.util.List<String> groups) throws RosterChangeException,
            InterruptedException {
        throw new RosterChangeException(RosterChangeException.Kind.UNSUPPORTED, "this account keeps no contact list");
    }

    /**
     * Removes {@code jid} from the roster (RFC 6121 §2.5), which also cancels the subscriptions both ways
     * (§3.5); blocking like {@link #addContact}.
     */
    default void removeContact(String jid) throws RosterChangeException, InterruptedException {
        throw new RosterChangeException(RosterChangeException.Kind.UNSUPPORTED, "this account keeps no contact list");
    }

    /**
     * Answers a contact's request to see our presence (RFC 6121 §3.1.3): approve ({@code subscribed}, §3.1.4)
     * or deny ({@code unsubscribed}, §3.2.1). Blocking like {@link #addContact}.
     */
    default void answerSubscription(String jid, boolean approve) throws RosterChangeException, InterruptedException {
        throw new RosterChangeException(RosterChangeException.Kind.UNSUPPORTED, "this account keeps no contact list");
    }

    /**
     * Fetches a contact's picture (vcard-temp PHOTO, XEP-0054/XEP-0153): empty when it has none, it is not an
     * image {@link org.cusax.core.contact.Avatar} accepts, or it could not be fetched. Blocking (bounded by the
     * reply timeout); call it on the XMPP half's executor.
     */
    default java.util.Optional<org.cusax.core.contact.Avatar> loadAvatar(String jid) throws InterruptedException {
        return java.util.Optional.empty();
    }

    /** Logs out (sending unavailable presence) and releases everything; bounded in time. */
    void stop();
}
