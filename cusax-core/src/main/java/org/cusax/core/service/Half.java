package org.cusax.core.service;

import org.cusax.core.account.Protocol;

/** The two halves of a CUSAX service as the user sees them. */
public enum Half {
    CHAT("Chat", Protocol.XMPP),
    TELEPHONY("Telephony", Protocol.SIP);

    private final String label;
    private final Protocol protocol;

    Half(String label, Protocol protocol) {
        this.label = label;
        this.protocol = protocol;
    }

    /** The name shown to the user. */
    public String label() {
        return label;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Half other() {
        return this == CHAT ? TELEPHONY : CHAT;
    }
}
