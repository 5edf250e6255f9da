package org.cusax.core.contact;

/** What a telephony address was recognised as. */
public enum AddressKind {
    /** A phone number written for people: national or international, with separators and extension. */
    PHONE_NUMBER("number"),
    /** A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1). */
    SIP_URI("sip"),
    /** A {@code tel:} URI (RFC 3966). */
    TEL_URI("tel"),
    /** Nothing we can call or match; kept as given so nothing is lost. */
    UNPARSEABLE("unparseable");

    private final String token;

    AddressKind(String token) {
        this.token = token;
    }

    /** The name used in JSON output. */
    public String token() {
        return token;
    }
}
