package org.cusax.core.call;

import java.util.Locale;

/** How an incoming call was bound to a roster contact. */
public enum MatchedBy {
    /** The INVITE named the contact's JID (Call-Info purpose=impp or a Contact xmpp: URI) and the contact owns the calling address. */
    CALL_INFO,
    /** The calling number/address is in exactly one contact's telephony addresses. */
    TEL;

    /** {@code call-info} or {@code tel}, as in JSON. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
