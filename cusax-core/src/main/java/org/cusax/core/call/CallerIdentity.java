package org.cusax.core.call;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an incoming call is from, after checking what the INVITE claims against the contact list.
 *
 * @param from             the calling address used for the lookup (trusted P-Asserted-Identity, else From)
 * @param display          the address as a person reads it (a number formatted for the default region)
 * @param displayName      the display name the caller sent, empty when none (unverified)
 * @param contact          the bound contact, or empty
 * @param candidates       the contacts that own the calling address when there are two or more (none is bound)
 * @param callInfoIgnored  why a claimed XMPP address (Call-Info / Contact) was not accepted, if one was made
 */
public record CallerIdentity(String from, String display, String displayName, Optional<BoundContact> contact,
                             List<String> candidates, Optional<String> callInfoIgnored) {
    public CallerIdentity {
        Objects.requireNonNull(from, "from");
        display = display == null || display.isBlank() ? from : display;
        displayName = displayName == null ? "" : displayName;
        Objects.requireNonNull(contact, "contact");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        Objects.requireNonNull(callInfoIgnored, "callInfoIgnored");
        if (contact.isPresent() && !candidates.isEmpty()) {
            throw new IllegalArgumentException("a bound call has no candidates");
        }
    }

    /** Nothing known beyond the address. */
    public static CallerIdentity unbound(String from) {
        return new CallerIdentity(from, from, "", Optional.empty(), List.of(), Optional.empty());
    }

    /** The bound contact's JID, if any. */
    public Optional<String> boundJid() {
        return contact.map(BoundContact::jid);
    }
}
