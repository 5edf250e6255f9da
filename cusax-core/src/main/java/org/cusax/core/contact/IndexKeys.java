package org.cusax.core.contact;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys under which an address is indexed and looked up. Two addresses denote the same party when
 * their key sets intersect. Keys are canonical URIs:
 * <ul>
 *   <li>a phone key {@code tel:+E164} or {@code tel:+E164;ext=N} (an extension is a different key from
 *       its main number), or for a local number with a domain context
 *       {@code tel:DIGITS;phone-context=domain};</li>
 *   <li>a SIP key {@code sip:user@host[:port][;identity params]}, with {@code sips:} folded into
 *       {@code sip:} (same address of record) and the scheme's default port removed.</li>
 * </ul>
 * A SIP URI whose user part is a phone number (with or without {@code user=phone}) also gets the phone
 * key, so {@code sip:0612345678@pbx.example} and the vCard number {@code 06 12 34 56 78} match.
 *
 * @param keys the keys, most specific first; empty for an unparseable address
 */
public record IndexKeys(Set<String> keys) {
    private static final IndexKeys NONE = new IndexKeys(Set.of());

    public IndexKeys {
        if (keys == null || keys.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("index keys must be non-empty strings");
        }
        keys = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
    }

    public static IndexKeys none() {
        return NONE;
    }

    public static IndexKeys of(String... keys) {
        return new IndexKeys(new LinkedHashSet<>(List.of(keys)));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The main key: the phone key for a number, the SIP key for a SIP URI. */
    public Optional<String> primary() {
        return keys.stream().findFirst();
    }

    /** Whether the two addresses denote the same party. */
    public boolean matches(IndexKeys other) {
        return keys.stream().anyMatch(other.keys::contains);
    }
}
