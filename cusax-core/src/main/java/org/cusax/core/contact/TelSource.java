package org.cusax.core.contact;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a telephony address of a contact came from. The order of the constants is the order in which
 * a contact's addresses are listed: the vCard first, then reachability addresses.
 */
public enum TelSource {
    /** A TEL of the contact's vcard-temp (XEP-0054). */
    VCARD_TEMP("vcard-temp"),
    /** A tel property of the contact's vCard4 over XMPP (XEP-0292). */
    VCARD4("vcard4"),
    /** A reachability address carried in the contact's presence (XEP-0152 §3). */
    REACH_PRESENCE("reach-presence"),
    /** A reachability address the contact published over PEP (XEP-0152 §4). */
    REACH_PEP("reach-pep");

    private final String token;

    TelSource(String token) {
        this.token = token;
    }

    /** The name used in JSON output, e.g. {@code vcard-temp}. */
    public String token() {
        return token;
    }

    public static Optional<TelSource> fromToken(String token) {
        return Arrays.stream(values()).filter(s -> s.token.equalsIgnoreCase(token == null ? "" : token.strip()))
                .findFirst();
    }
}
