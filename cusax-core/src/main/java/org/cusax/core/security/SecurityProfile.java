package org.cusax.core.security;

import java.util.Locale;

/** What the client does when the halves (or a call's media) are not protected alike ({@code security.profile}). */
public enum SecurityProfile {
    /** The weaker half is not brought up, a call whose media is weaker than its signalling is refused. */
    MATCHED,
    /** Everything runs; the difference is a standing warning. */
    WARN,
    /** No comparison at all. */
    OFF;

    public static SecurityProfile parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "matched" -> MATCHED;
            case "warn" -> WARN;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("'" + value + "' is not one of matched, warn, off");
        };
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
