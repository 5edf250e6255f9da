package org.cusax.core.contact;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One telephony address of a contact, from one source.
 *
 * @param uri        the address exactly as received (vCard NUMBER/uri value, reachability URI)
 * @param kind       what it was recognised as
 * @param types      its vCard type flags (empty for reachability addresses)
 * @param source     where it came from
 * @param normalized the canonical form ({@code tel:+E164[;ext=N]} or a canonical SIP URI); empty when it
 *                   cannot be normalized, which is exactly when the kind is unparseable
 */
public record TelAddress(String uri, AddressKind kind, Set<TelType> types, TelSource source,
                         Optional<String> normalized) {
    public TelAddress {
        if (uri == null) {
            throw new IllegalArgumentException("the address as given is missing (use an empty string)");
        }
        if (kind == null || source == null || normalized == null) {
            throw new IllegalArgumentException("kind, source and normalized are required for '" + uri + "'");
        }
        if ((kind == AddressKind.UNPARSEABLE) != normalized.isEmpty()) {
            throw new IllegalArgumentException("'" + uri + "' has a normalized form exactly when it is parseable");
        }
        EnumSet<TelType> copy = EnumSet.noneOf(TelType.class);
        if (types != null) {
            copy.addAll(types);
        }
        types = Collections.unmodifiableSet(copy);
    }

    /** Builds the address from what the normalizer made of {@code uri}. */
    public static TelAddress of(String uri, Set<TelType> types, TelSource source, NormalizedAddress n) {
        return new TelAddress(uri, n.kind(), types, source, n.normalized());
    }

    /** The label shown to the user (Mobile, Work, Home, Video, Other; Fax or Pager when not callable). */
    public TelLabel label() {
        return TelLabel.of(types);
    }

    /** Whether a Call action may use it: it was understood and is not a fax/pager-only number. */
    public boolean callable() {
        return kind != AddressKind.UNPARSEABLE && TelType.voiceCapable(types);
    }

    /** Whether the contact marked it as preferred (vCard PREF). */
    public boolean preferred() {
        return types.contains(TelType.PREF);
    }

    /** Same address with more type flags (used when one source lists one number twice). */
    public TelAddress withMoreTypes(Set<TelType> more) {
        EnumSet<TelType> union = EnumSet.noneOf(TelType.class);
        union.addAll(types);
        union.addAll(more);
        return new TelAddress(uri, kind, union, source, normalized);
    }

    @Override
    public String toString() {
        return label().text() + " " + normalized.orElse(uri) + " (" + source.token() + ")";
    }
}
