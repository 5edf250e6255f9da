package org.cusax.core.contact;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Equality of SIP URIs exactly as RFC 3261 §19.1.4 defines it. This is stricter than the index keys,
 * which answer "same party?": here {@code sip:bob@biloxi.com} and {@code sip:bob@biloxi.com:5060} differ
 * (a URI omitting a component with a default value does not match one stating it), and sip never equals
 * sips.
 * <ul>
 *   <li>scheme must match; user and password are compared case-sensitively, host case-insensitively;</li>
 *   <li>escaped unreserved characters equal their unescaped form;</li>
 *   <li>ports must both be absent or equal;</li>
 *   <li>a parameter present in both must have equal values (case-insensitive); user, ttl, method, maddr
 *       and transport present in only one never match; any other parameter present in only one is
 *       ignored;</li>
 *   <li>headers are never ignored: both must have the same headers with the same values.</li>
 * </ul>
 * Equality is not transitive ({@code ;security=on} and {@code ;security=off} each equal the bare URI
 * but not each other), so it is not an {@code equals} and cannot key a hash map.
 */
public final class SipUriComparison {
    /** Parameters that never match when present in only one URI (RFC 3261 §19.1.4). */
    private static final Set<String> SIGNIFICANT_ALONE = Set.of("user", "ttl", "method", "maddr", "transport");

    private SipUriComparison() {
    }

    /** Whether two SIP URIs are equivalent; false when either is not a valid SIP URI. */
    public static boolean equivalent(String a, String b) {
        Optional<SipUri> x = SipUri.parse(a);
        Optional<SipUri> y = SipUri.parse(b);
        return x.isPresent() && y.isPresent() && equivalent(x.get(), y.get());
    }

    public static boolean equivalent(SipUri a, SipUri b) {
        if (a.secure() != b.secure() || !a.user().equals(b.user()) || !a.password().equals(b.password())
                || !a.host().equals(b.host()) || a.port() != b.port() || !a.headers().equals(b.headers())) {
            return false;
        }
        Set<String> names = new HashSet<>(a.params().keySet());
        names.addAll(b.params().keySet());
        for (String name : names) {
            String va = a.params().get(name);
            String vb = b.params().get(name);
            if (va != null && vb != null) {
                if (!va.equalsIgnoreCase(vb)) {
                    return false;
                }
            } else if (SIGNIFICANT_ALONE.contains(name)) {
                return false;
            }
        }
        return true;
    }
}
