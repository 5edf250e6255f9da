package org.cusax.core.contact;

import java.util.List;

/**
 * A telephony address as an adapter extracted it from XML, before any interpretation.
 *
 * @param address the vCard NUMBER / uri value or the reachability URI as received, on one line without
 *                control characters ({@link DisplayText#oneLine})
 * @param types   the type names as received (vcard-temp element names such as {@code CELL}, vCard4 TYPE
 *                values such as {@code cell}); empty for reachability addresses
 */
public record RawTel(String address, List<String> types) {
    public RawTel {
        address = DisplayText.oneLine(address); // control characters are never part of an address
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static RawTel of(String address, String... types) {
        return new RawTel(address, List.of(types));
    }
}
