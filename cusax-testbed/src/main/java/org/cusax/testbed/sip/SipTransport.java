package org.cusax.testbed.sip;

import java.util.Locale;

/** SIP transports the testbed's Kamailio listens on. */
public enum SipTransport {
    UDP, TCP, TLS;

    /** Lower-case name as used in cusax.conf ({@code sip.transport}) and in URIs. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
