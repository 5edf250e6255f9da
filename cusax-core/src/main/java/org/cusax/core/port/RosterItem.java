package org.cusax.core.port;

/**
 * One roster entry as the XMPP half sees it.
 *
 * @param jid          the contact's bare JID
 * @param name         the name the user gave it (may be empty)
 * @param subscription none, to, from, both (RFC 6121 §2.1.2.5)
 */
public record RosterItem(String jid, String name, String subscription) {
    public RosterItem {
        if (jid == null || jid.isBlank()) {
            throw new IllegalArgumentException("a roster item needs a JID");
        }
        name = name == null ? "" : name;
        subscription = subscription == null ? "none" : subscription;
    }
}
