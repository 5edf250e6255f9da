package org.cusax.bench.contact;

/**
 * The forms in which a SIP INVITE presents a caller ID (From, P-Asserted-Identity), for the known caller
 * ({@link ContactFixtures#KNOWN_E164}) and for callers that are in no contact's addresses.
 */
public enum CallerIdForm {
    /** A gateway or proxy with an E.164 number: RFC 3261 §19.1.6 user=phone. */
    SIP_USER_PHONE("sip:+33612345678@" + ContactFixtures.DOMAIN + ";user=phone", true),
    /** A tel URI, as in P-Asserted-Identity (RFC 3325). */
    TEL_URI("tel:+33612345678", true),
    /** A PBX presenting the national number as the user part, without user=phone. */
    SIP_NATIONAL("sip:0612345678@" + ContactFixtures.DOMAIN, true),
    /** The caller's own SIP address of record, which its presence advertised. */
    SIP_AOR(null, true),
    /** An unknown French mobile. */
    UNKNOWN_NUMBER("sip:+33699999999@" + ContactFixtures.DOMAIN + ";user=phone", false),
    /** An unknown foreign number as a tel URI with visual separators. */
    UNKNOWN_FOREIGN("tel:+1-415-555-0100", false);

    private final String address;
    private final boolean known;

    CallerIdForm(String address, boolean known) {
        this.address = address;
        this.known = known;
    }

    /** The caller ID as presented, for a book of {@code contacts} contacts. */
    public String address(int contacts) {
        return address != null ? address
                : "sip:user" + ContactFixtures.knownIndex(contacts) + "@" + ContactFixtures.DOMAIN;
    }

    /** Whether the caller is the known contact (exactly one owner) or nobody (no owner). */
    public boolean known() {
        return known;
    }
}
