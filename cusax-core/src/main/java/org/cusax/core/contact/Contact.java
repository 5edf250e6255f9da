package org.cusax.core.contact;

import java.util.List;

/**
 * One roster entry with everything the contact list shows about it.
 *
 * @param jid      bare JID, canonical (see {@link Jids})
 * @param name     roster name, empty when the roster has none
 * @param presence current presence
 * @param tels     telephony addresses from every source, in source order (see {@link ContactTels})
 * @param groups   the roster groups it is in (RFC 6121 §2.1.2.2); empty when none
 * @param avatarHash SHA-1 (hex) of its vCard photo (XEP-0153 §4.3), "" when it has none or it is not known yet
 */
public record Contact(String jid, String name, Presence presence, List<TelAddress> tels, List<String> groups,
                      String avatarHash) {
    public Contact {
        jid = Jids.requireBare(jid);
        name = DisplayText.oneLine(name); // a roster name is the contact's or the server's text
        if (presence == null) {
            throw new IllegalArgumentException("presence is missing for " + jid + " (use Presence.unavailable())");
        }
        tels = tels == null ? List.of() : List.copyOf(tels);
        groups = groups == null ? List.of() : List.copyOf(groups);
        avatarHash = avatarHash == null ? "" : avatarHash;
    }

    /** A contact in no group, without a picture. */
    public Contact(String jid, String name, Presence presence, List<TelAddress> tels) {
        this(jid, name, presence, tels, List.of(), "");
    }

    public static Contact of(String jid, String name) {
        return new Contact(jid, name, Presence.unavailable(), List.of());
    }

    /** The roster name, or the JID when there is none. */
    public String displayName() {
        return name.isEmpty() ? jid : name;
    }

    /** Whether the contact has a Call action: at least one callable address, whatever the account state. */
    public boolean callable() {
        return tels.stream().anyMatch(TelAddress::callable);
    }

    /** The addresses a Call action may use, in source order (see {@link TelPreference} for the user's order). */
    public List<TelAddress> callableTels() {
        return tels.stream().filter(TelAddress::callable).toList();
    }

    public Contact withName(String newName) {
        return new Contact(jid, newName, presence, tels, groups, avatarHash);
    }

    public Contact withPresence(Presence newPresence) {
        return new Contact(jid, name, newPresence, tels, groups, avatarHash);
    }

    public Contact withTels(List<TelAddress> newTels) {
        return new Contact(jid, name, presence, newTels, groups, avatarHash);
    }

    public Contact withAvatarHash(String hash) {
        return new Contact(jid, name, presence, tels, groups, hash);
    }

    public Contact withGroups(List<String> newGroups) {
        return new Contact(jid, name, presence, tels, newGroups, avatarHash);
    }
}
