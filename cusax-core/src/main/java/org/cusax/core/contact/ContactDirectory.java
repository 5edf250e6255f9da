package org.cusax.core.contact;

import java.util.Optional;
import java.util.Set;

/** Read access to the contact list, as the call router and caller binding need it. */
public interface ContactDirectory {
    /** The roster entry with this bare JID (any case, with or without resource). */
    Optional<Contact> contact(String jid);

    /** The bare JIDs of the contacts owning the address (number, tel: or sip: URI), sorted. */
    Set<String> owners(String address);

    /** The normalizer the directory's addresses were built with. */
    AddressNormalizer normalizer();
}
