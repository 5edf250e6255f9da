package org.cusax.xmpp.contacts;

import org.cusax.core.contact.TelSource;

/** The two vCards a contact's tels are fetched from. */
public enum TelKind {
    /** vcard-temp (XEP-0054), one IQ to the contact's bare JID. */
    VCARD_TEMP(TelSource.VCARD_TEMP),
    /** vCard4 over XMPP (XEP-0292), the last item of the contact's PEP node. */
    VCARD4(TelSource.VCARD4);

    private final TelSource source;

    TelKind(TelSource source) {
        this.source = source;
    }

    public TelSource source() {
        return source;
    }
}
