package org.cusax.core.account;

/** The two protocols a CUSAX service combines. */
public enum Protocol {
    /** Telephony: audio, video and calls. */
    SIP,
    /** Chat, contact list and presence. */
    XMPP
}
