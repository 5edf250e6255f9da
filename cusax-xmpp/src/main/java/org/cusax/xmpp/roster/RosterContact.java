package org.cusax.xmpp.roster;

import java.util.Optional;

/**
 * One roster item as the application sees it.
 *
 * @param jid          the contact's bare JID
 * @param name         the name the user gave the contact, if any
 * @param subscription the RFC 6121 §2.1.2.5 subscription state: none, to, from or both
 */
public record RosterContact(String jid, Optional<String> name, String subscription) {
    public RosterContact {
        if (jid == null || jid.isBlank()) {
            throw new IllegalArgumentException("a roster contact needs a JID");
        }
        name = name == null ? Optional.empty() : name;
        subscription = subscription == null ? "none" : subscription;
    }
}
