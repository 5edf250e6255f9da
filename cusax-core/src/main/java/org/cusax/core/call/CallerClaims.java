package org.cusax.core.call;

import java.util.List;
import java.util.Objects;

/**
 * What an incoming INVITE says about who is calling, as read from its headers; nothing here is
 * verified yet (see {@link org.cusax.core.contact.CallerBinding}).
 *
 * @param fromUri            the From URI (RFC 3261 §20.20)
 * @param fromDisplayName    the From display name, empty when none
 * @param assertedIdentities P-Asserted-Identity URIs (RFC 3325 §9.1), in header order
 * @param fromTrustedProxy   whether the request came from the configured trusted proxy, the only
 *                           source whose P-Asserted-Identity counts (RFC 3325 §5)
 * @param callInfoImpp       {@code xmpp:} URIs of {@code Call-Info ...;purpose=impp} (RFC 6993, RFC 7081 §5)
 * @param contactXmpp        {@code xmpp:} URIs found in Contact headers (draft-ivov-xmpp-cusax-02 §5)
 */
public record CallerClaims(String fromUri, String fromDisplayName, List<String> assertedIdentities,
                           boolean fromTrustedProxy, List<String> callInfoImpp, List<String> contactXmpp) {
    public CallerClaims {
        Objects.requireNonNull(fromUri, "fromUri");
        fromDisplayName = org.cusax.core.contact.DisplayText.oneLine(fromDisplayName); // the caller's own text
        assertedIdentities = assertedIdentities == null ? List.of() : List.copyOf(assertedIdentities);
        callInfoImpp = callInfoImpp == null ? List.of() : List.copyOf(callInfoImpp);
        contactXmpp = contactXmpp == null ? List.of() : List.copyOf(contactXmpp);
    }

    /** A caller known only by its From URI. */
    public static CallerClaims fromOnly(String fromUri) {
        return new CallerClaims(fromUri, "", List.of(), false, List.of(), List.of());
    }

    /**
     * The addresses that identify the caller: the asserted identities when a trusted proxy sent them,
     * otherwise the From URI (a P-Asserted-Identity from anyone else is ignored).
     */
    public List<String> callingAddresses() {
        return fromTrustedProxy && !assertedIdentities.isEmpty() ? assertedIdentities : List.of(fromUri);
    }

    /** Every claimed XMPP address, Call-Info first (the RFC 7081 way), then Contact (the draft way). */
    public List<XmppClaim> xmppClaims() {
        java.util.ArrayList<XmppClaim> all = new java.util.ArrayList<>();
        callInfoImpp.forEach(u -> all.add(new XmppClaim(u, XmppClaim.Source.CALL_INFO)));
        contactXmpp.forEach(u -> all.add(new XmppClaim(u, XmppClaim.Source.CONTACT)));
        return List.copyOf(all);
    }

    /** One XMPP address an INVITE claims for its caller, and the header it came in. */
    public record XmppClaim(String uri, Source source) {
        public enum Source {
            CALL_INFO("Call-Info"), CONTACT("Contact");

            private final String header;

            Source(String header) {
                this.header = header;
            }

            public String header() {
                return header;
            }
        }
    }
}
