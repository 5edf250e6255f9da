package org.cusax.core.account;

import java.util.Locale;

/** How a half reaches its server. XMPP always uses TCP with STARTTLS; SIP may use any of these. */
public enum Transport {
    UDP(false, 5060),
    TCP(false, 5060),
    TLS(true, 5061);

    private final boolean encrypted;
    private final int defaultSipPort;

    Transport(boolean encrypted, int defaultSipPort) {
        this.encrypted = encrypted;
        this.defaultSipPort = defaultSipPort;
    }

    public boolean encrypted() {
        return encrypted;
    }

    /** The port RFC 3261 assigns to SIP over this transport. */
    public int defaultSipPort() {
        return defaultSipPort;
    }

    /** Whether the transport keeps a connection open (and so needs keepalives, RFC 5626). */
    public boolean connectionOriented() {
        return this != UDP;
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport '" + text + "' (expected udp, tcp or tls)");
        }
    }
}
