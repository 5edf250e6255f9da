package org.cusax.core.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.cusax.core.call.BoundContact;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.CallerClaims.XmppClaim;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.MatchedBy;

/**
 * Binds an incoming call to a roster contact (RFC 7081 §4, §5), in this order:
 * <ol>
 *   <li>an XMPP address the INVITE claims ({@code Call-Info: <xmpp:JID>;purpose=impp}, RFC 6993, or an
 *       {@code xmpp:} URI in Contact, draft-ivov-xmpp-cusax-02 §5) is accepted only if that roster contact
 *       owns the calling address; a claim alone proves nothing, since any caller can write any header.
 *       A rejected claim is reported with its reason;</li>
 *   <li>the calling address — P-Asserted-Identity when the trusted proxy sent it (RFC 3325), else From —
 *       normalized and looked up in the tel index: exactly one owner binds; two or more bind nobody and
 *       are listed as candidates; none leaves the call unbound, its number formatted for display.</li>
 * </ol>
 * Stateless over a live {@link ContactDirectory}; thread-safe.
 */
public final class CallerBinding {
    private final ContactDirectory contacts;

    public CallerBinding(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    public CallerIdentity bind(CallerClaims claims) {
        List<String> addresses = claims.callingAddresses();
        String from = addresses.get(0);
        String display = contacts.normalizer().display(from);
        Set<String> owners = new TreeSet<>();
        for (String address : addresses) {
            owners.addAll(contacts.owners(address));
        }

        List<String> reasons = new ArrayList<>();
        for (XmppClaim claim : claims.xmppClaims()) {
            Optional<String> problem = check(claim, owners, display);
            if (problem.isEmpty()) {
                String jid = Jids.bare(jidOf(claim.uri())).orElseThrow();
                return new CallerIdentity(from, display, claims.fromDisplayName(),
                        Optional.of(bound(jid, MatchedBy.CALL_INFO)), List.of(), Optional.empty());
            }
            reasons.add(problem.get());
        }
        Optional<String> ignored = reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));

        if (owners.size() == 1) {
            return new CallerIdentity(from, display, claims.fromDisplayName(),
                    Optional.of(bound(owners.iterator().next(), MatchedBy.TEL)), List.of(), ignored);
        }
        List<String> candidates = owners.size() > 1 ? List.copyOf(owners) : List.of();
        return new CallerIdentity(from, display, claims.fromDisplayName(), Optional.empty(), candidates, ignored);
    }

    /** Why the claim cannot bind the call, or empty when it can. */
    private Optional<String> check(XmppClaim claim, Set<String> owners, String display) {
        String header = claim.source().header();
        Optional<String> jid = Jids.bare(jidOf(claim.uri()));
        if (!claim.uri().toLowerCase(Locale.ROOT).startsWith("xmpp:") || jid.isEmpty()) {
            return Optional.of(header + " " + claim.uri() + " is not an xmpp: URI with a valid JID");
        }
        if (contacts.contact(jid.get()).isEmpty()) {
            return Optional.of(header + " names " + jid.get() + ", who is not in the contact list");
        }
        if (!owners.contains(jid.get())) {
            return Optional.of(header + " names " + jid.get() + ", but the calling address " + display
                    + " is not one of that contact's addresses");
        }
        return Optional.empty();
    }

    /** The JID part of an {@code xmpp:} URI (RFC 5122): no scheme, authority, query or fragment. */
    static String jidOf(String uri) {
        String s = uri.strip();
        if (s.regionMatches(true, 0, "xmpp:", 0, 5)) {
            s = s.substring(5);
        }
        if (s.startsWith("//")) { // xmpp://auth@host/jid
            int slash = s.indexOf('/', 2);
            s = slash < 0 ? "" : s.substring(slash + 1);
        }
        int cut = s.length();
        for (char c : new char[] {'?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        s = s.substring(0, cut);
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private BoundContact bound(String jid, MatchedBy how) {
        String name = contacts.contact(jid).map(Contact::name).orElse("");
        return new BoundContact(jid, name, how);
    }
}
