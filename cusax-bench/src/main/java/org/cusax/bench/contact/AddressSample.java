package org.cusax.bench.contact;

import org.cusax.core.contact.AddressKind;

/**
 * One address of each kind {@link org.cusax.core.contact.AddressNormalizer} handles, as vCards, reachability
 * elements, users and SIP headers write them, with what it must normalize to (checked by the module's
 * test, so a benchmark never silently measures the "unparseable" path instead).
 */
public enum AddressSample {
    NATIONAL_NUMBER("06 12 34 56 78", AddressKind.PHONE_NUMBER, "tel:+33612345678"),
    INTERNATIONAL_NUMBER("+33 6 12 34 56 78", AddressKind.PHONE_NUMBER, "tel:+33612345678"),
    NUMBER_00_PREFIX("0033 1 40 00 00 01", AddressKind.PHONE_NUMBER, "tel:+33140000001"),
    NUMBER_WITH_EXTENSION("+33 1 40 00 00 01 ext. 12", AddressKind.PHONE_NUMBER, "tel:+33140000001;ext=12"),
    TEL_URI("tel:+33-6-12-34-56-78", AddressKind.TEL_URI, "tel:+33612345678"),
    TEL_URI_LOCAL("tel:7042;phone-context=cusax.test", AddressKind.TEL_URI, "tel:7042;phone-context=cusax.test"),
    SIP_USER_PHONE("sip:+33612345678@cusax.test;user=phone", AddressKind.SIP_URI, "tel:+33612345678"),
    SIP_NUMERIC_USER("sip:0612345678@cusax.test", AddressKind.SIP_URI, "sip:0612345678@cusax.test"),
    SIP_AOR("sip:alice@cusax.test", AddressKind.SIP_URI, "sip:alice@cusax.test"),
    NAME_ADDR("\"Alice\" <sip:alice@cusax.test>;tag=1928301774", AddressKind.SIP_URI, "sip:alice@cusax.test"),
    UNPARSEABLE("xmpp:alice@cusax.test", AddressKind.UNPARSEABLE, null);

    private final String raw;
    private final AddressKind kind;
    private final String normalized;

    AddressSample(String raw, AddressKind kind, String normalized) {
        this.raw = raw;
        this.kind = kind;
        this.normalized = normalized;
    }

    /** The address as written. */
    public String raw() {
        return raw;
    }

    /** What it must be recognised as. */
    public AddressKind kind() {
        return kind;
    }

    /** Its canonical form; null for the unparseable sample. */
    public String normalized() {
        return normalized;
    }
}
