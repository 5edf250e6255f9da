package org.cusax.core.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A contact's availability: XMPP presence with its {@code show} value (RFC 6121 §4.7.2.1). */
public enum Availability {
    CHAT, AVAILABLE, AWAY, XA, DND, UNAVAILABLE;

    /** The name used in JSON output, e.g. {@code xa}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Availability> fromToken(String token) {
        String t = token == null ? "" : token.strip();
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(t)).findFirst();
    }

    /** Whether the contact has at least one available resource. */
    public boolean online() {
        return this != UNAVAILABLE;
    }
}
