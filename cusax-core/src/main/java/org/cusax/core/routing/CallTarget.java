package org.cusax.core.routing;

import java.util.Optional;
import java.util.function.Predicate;

import org.cusax.core.contact.Jids;

/** What the user asked to call. */
public sealed interface CallTarget {

    /** A roster contact; the router picks or asks for one of its numbers. */
    record ContactTarget(String jid) implements CallTarget {
        public ContactTarget {
            jid = Jids.requireBare(jid);
        }
    }

    /** A given address of a contact (after the user chose among its numbers). */
    record ContactAddress(String jid, String address) implements CallTarget {
        public ContactAddress {
            jid = Jids.requireBare(jid);
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("the address to call for " + jid + " is empty");
            }
        }
    }

    /** A {@code sip:}/{@code sips:}/{@code tel:} URI or a number, as typed; may turn out unparseable. */
    record AddressTarget(String address) implements CallTarget {
        public AddressTarget {
            address = address == null ? "" : address.strip();
        }
    }

    /**
     * Reads what the user typed. Never throws; garbage becomes an {@link AddressTarget} that the router
     * reports as unparseable.
     * <ol>
     *   <li>{@code xmpp:user@domain} → that contact.</li>
     *   <li>{@code sip:}, {@code sips:}, {@code tel:} (any case) → that address.</li>
     *   <li>{@code user@domain[/resource]} → the contact if that bare JID is in the roster, else the SIP
     *       address {@code sip:user@domain}, resource dropped, user part's case kept (the roster wins:
     *       {@code alice@example.com} is Alice when she is a contact).</li>
     *   <li>anything else → a number.</li>
     * </ol>
     *
     * @param text      the target as typed
     * @param inRoster  whether a canonical bare JID is in the roster
     */
    static CallTarget parse(String text, Predicate<String> inRoster) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, "xmpp:", 0, 5)) {
            Optional<String> jid = Jids.bare(t);
            return jid.<CallTarget>map(ContactTarget::new).orElseGet(() -> new AddressTarget(t));
        }
        if (t.regionMatches(true, 0, "sip:", 0, 4) || t.regionMatches(true, 0, "sips:", 0, 5)
                || t.regionMatches(true, 0, "tel:", 0, 4)) {
            return new AddressTarget(t);
        }
        if (t.contains("@")) {
            Optional<String> jid = Jids.bare(t).filter(inRoster);
            String noResource = t.indexOf('/') > t.indexOf('@') ? t.substring(0, t.indexOf('/')) : t;
            return jid.<CallTarget>map(ContactTarget::new).orElseGet(() -> new AddressTarget("sip:" + noResource));
        }
        return new AddressTarget(t);
    }
}
