package org.cusax.core.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cusax.core.contact.SipUri;

/**
 * What our own service owns, to flag inter-domain calls (RFC 7081 §5).
 * <ul>
 *   <li>a contact whose JID is in another domain than the service's: flagged (their number may
 *       belong to another provider);</li>
 *   <li>a SIP URI whose host is not the service's domain (nor a sub-domain of it): flagged;</li>
 *   <li>a {@code tel:} number: flagged only when {@code routing.own-numbers} lists the number prefixes
 *       the service owns and the number matches none of them (with no list, the client cannot know
 *       who carries a number, and only the two rules above apply).</li>
 * </ul>
 */
public final class DomainOwnership {
    private final Optional<String> serviceDomain;
    private final List<String> ownNumberPrefixes;

    /**
     * @param serviceDomain     our service's domain (the SIP account's, else the XMPP account's); empty
     *                          = nothing is flagged
     * @param ownNumberPrefixes E.164 prefixes our service owns, e.g. {@code +3315550}; empty = unknown
     */
    public DomainOwnership(Optional<String> serviceDomain, List<String> ownNumberPrefixes) {
        this.serviceDomain = serviceDomain.map(d -> d.toLowerCase(Locale.ROOT));
        this.ownNumberPrefixes = ownNumberPrefixes.stream().map(DomainOwnership::digitsOf)
                .filter(p -> !p.isEmpty()).toList();
    }

    /** Flags nothing (no service domain known). */
    public static DomainOwnership unknown() {
        return new DomainOwnership(Optional.empty(), List.of());
    }

    /**
     * @param address the normalized address to dial ({@code tel:+…} or a canonical SIP URI)
     * @param contact the bare JID of the contact the address was taken from, if any
     */
    public InterDomain check(String address, Optional<String> contact) {
        if (serviceDomain.isEmpty()) {
            return InterDomain.none();
        }
        String ours = serviceDomain.get();
        Optional<String> contactDomain = contact.map(j -> j.substring(j.indexOf('@') + 1).toLowerCase(Locale.ROOT));
        if (contactDomain.isPresent() && !sameOrSub(contactDomain.get(), ours)) {
            return InterDomain.because(contact.get() + " is in another domain than your service (" + ours
                    + "): " + address + " may be carried, and charged, by another provider");
        }
        if (address.regionMatches(true, 0, "tel:", 0, 4)) {
            if (ownNumberPrefixes.isEmpty()) {
                return InterDomain.none();
            }
            String digits = digitsOf(address.substring(4));
            boolean owned = ownNumberPrefixes.stream().anyMatch(digits::startsWith);
            return owned ? InterDomain.none() : InterDomain.because(address
                    + " is not one of your service's numbers (routing.own-numbers): another provider may carry, and charge for, the call");
        }
        Optional<String> host = SipUri.parse(address).map(u -> u.host().toLowerCase(Locale.ROOT));
        if (host.isPresent() && !sameOrSub(host.get(), ours)) {
            return InterDomain.because(address + " is not in your SIP domain (" + ours
                    + "): the call leaves your service");
        }
        return InterDomain.none();
    }

    private static boolean sameOrSub(String domain, String ours) {
        return domain.equals(ours) || domain.endsWith("." + ours);
    }

    private static String digitsOf(String number) {
        StringBuilder sb = new StringBuilder();
        for (char ch : number.toCharArray()) {
            if (ch == ';') {
                break;
            }
            if (Character.isDigit(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
