package org.cusax.core.call;

/** Who placed the call. */
public enum CallDirection {
    OUTGOING, INCOMING;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
