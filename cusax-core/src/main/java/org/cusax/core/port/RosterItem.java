package org.cusax.core.port;

import java.util.List;

/**
 * One roster entry as the XMPP half sees it.
 *
 * @param jid          the contact's bare JID
 * @param name         the name the user gave it (may be empty)
 * @param subscription none, to, from, both (RFC 6121 §2.1.2.5)
 * @param groups       the roster groups it is in (RFC 6121 §2.1.2.2), in the server's order; may be empty
 */
public record RosterItem(String jid, String name, String subscription, List<String> groups) {
    public RosterItem {
        if (jid == null || jid.isBlank()) {
            throw new IllegalArgumentException("a roster item needs a JID");
        }
        name = name == null ? "" : name;
        subscription = subscription == null ? "none" : subscription;
        groups = groups == null ? List.of() : groups.stream().filter(g -> g != null && !g.isBlank())
                .map(String::strip).distinct().toList();
    }

    /** An item in no group. */
    public RosterItem(String jid, String name, String subscription) {
        this(jid, name, subscription, List.of());
    }
}
