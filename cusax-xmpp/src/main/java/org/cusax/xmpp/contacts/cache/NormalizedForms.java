package org.cusax.xmpp.contacts.cache;

import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.NormalizedAddress;

/**
 * What the core's {@code AddressNormalizer} made of raw tels, and under which rules
 * ({@code AddressNormalizer.rules()}: default region, rules' version,
 * libphonenumber version). Forms are only ever used under the
 * same rules: a cache written in another region, or by other rules, is normalized again.
 *
 * @param rules     the rules the forms were made under; empty when there are none
 * @param byAddress raw address (as {@code RawTel.address()}) → its form
 */
public record NormalizedForms(Optional<String> rules, Map<String, NormalizedAddress> byAddress) {
    private static final NormalizedForms NONE = new NormalizedForms(Optional.empty(), Map.of());

    public NormalizedForms {
        rules = rules == null ? Optional.empty() : rules;
        byAddress = byAddress == null ? Map.of() : byAddress;
    }

    public static NormalizedForms none() {
        return NONE;
    }

    /** The form of {@code rawAddress}, if known. */
    public Optional<NormalizedAddress> of(String rawAddress) {
        return Optional.ofNullable(byAddress.get(rawAddress));
    }

    /** Whether these forms were made under {@code expected} rules. */
    public boolean madeUnder(String expected) {
        return rules.isPresent() && rules.get().equals(expected);
    }
}
