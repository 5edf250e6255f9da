package org.cusax.xmpp.contacts;

import java.util.List;
import java.util.Optional;

import org.cusax.core.contact.RawTel;

/**
 * What one vCard fetch gave.
 *
 * @param tels      the raw tels (empty when the contact has none, no vCard, or we may not read it)
 * @param photoHash vcard-temp only: SHA-1 of the vCard photo ("" for none), empty when unknown
 */
public record TelResult(List<RawTel> tels, Optional<String> photoHash) {
    public static final TelResult EMPTY = new TelResult(List.of(), Optional.empty());

    public TelResult {
        tels = tels == null ? List.of() : List.copyOf(tels);
        photoHash = photoHash == null ? Optional.empty() : photoHash;
    }
}
