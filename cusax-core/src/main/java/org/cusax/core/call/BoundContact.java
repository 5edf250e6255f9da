package org.cusax.core.call;

import java.util.Objects;

/**
 * The roster contact a call is bound to.
 *
 * @param jid       the contact's bare JID
 * @param name      its roster name, empty when none
 * @param matchedBy how the binding was made
 */
public record BoundContact(String jid, String name, MatchedBy matchedBy) {
    public BoundContact {
        Objects.requireNonNull(jid, "jid");
        name = name == null ? "" : name;
        Objects.requireNonNull(matchedBy, "matchedBy");
    }
}
