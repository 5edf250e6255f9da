package org.cusax.xmpp.contacts.cache;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.TelKind;

/**
 * What we know of one contact's vCards.
 *
 * @param jid     the contact's bare JID
 * @param photo   the vcard-temp photo hash we are in step with ("" for no photo), empty when unknown
 * @param fetched per vCard kind, the tels and when they were fetched; a kind absent was never fetched
 */
public record CachedContact(String jid, Optional<String> photo, Map<TelKind, Fetched> fetched) {
    public CachedContact {
        if (jid == null || jid.isBlank()) {
            throw new IllegalArgumentException("a cached contact needs a JID");
        }
        photo = photo == null ? Optional.empty() : photo;
        EnumMap<TelKind, Fetched> copy = new EnumMap<>(TelKind.class);
        if (fetched != null) {
            copy.putAll(fetched);
        }
        fetched = java.util.Collections.unmodifiableMap(copy);
    }

    public static CachedContact empty(String jid) {
        return new CachedContact(jid, Optional.empty(), Map.of());
    }

    public Optional<Fetched> get(TelKind kind) {
        return Optional.ofNullable(fetched.get(kind));
    }

    public CachedContact with(TelKind kind, Fetched value) {
        EnumMap<TelKind, Fetched> copy = new EnumMap<>(TelKind.class);
        copy.putAll(fetched);
        copy.put(kind, value);
        return new CachedContact(jid, photo, copy);
    }

    public CachedContact withPhoto(Optional<String> value) {
        return new CachedContact(jid, value, fetched);
    }

    /**
     * Tels of one vCard kind and when they were fetched.
     *
     * @param tels the raw tels (possibly none)
     * @param at   when the server answered
     */
    public record Fetched(List<RawTel> tels, Instant at) {
        public Fetched {
            tels = tels == null ? List.of() : List.copyOf(tels);
            if (at == null) {
                throw new IllegalArgumentException("a fetch time is required");
            }
        }
    }
}
