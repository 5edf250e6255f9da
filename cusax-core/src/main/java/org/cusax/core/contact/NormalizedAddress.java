package org.cusax.core.contact;

import java.util.Optional;

/**
 * What {@link AddressNormalizer} made of one raw address.
 *
 * @param kind       what the input was recognised as
 * @param normalized the canonical address to show and dial ({@code tel:+33612345678;ext=12} or a
 *                   canonical SIP URI); empty exactly when the kind is {@link AddressKind#UNPARSEABLE}
 * @param keys       the index keys; empty exactly when the kind is unparseable
 */
public record NormalizedAddress(AddressKind kind, Optional<String> normalized, IndexKeys keys) {
    private static final NormalizedAddress UNPARSEABLE =
            new NormalizedAddress(AddressKind.UNPARSEABLE, Optional.empty(), IndexKeys.none());

    public NormalizedAddress {
        if (kind == null || normalized == null || keys == null) {
            throw new IllegalArgumentException("kind, normalized and keys are required");
        }
        boolean unparseable = kind == AddressKind.UNPARSEABLE;
        if (unparseable != normalized.isEmpty() || unparseable != keys.isEmpty()) {
            throw new IllegalArgumentException("an address has a normalized form and keys exactly when it is parseable");
        }
    }

    public static NormalizedAddress unparseable() {
        return UNPARSEABLE;
    }

    public static NormalizedAddress of(AddressKind kind, String normalized, IndexKeys keys) {
        return new NormalizedAddress(kind, Optional.of(normalized), keys);
    }

    public boolean parseable() {
        return kind != AddressKind.UNPARSEABLE;
    }
}
