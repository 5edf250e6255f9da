package org.cusax.core.routing;

/**
 * Whether a call leaves our own service (RFC 7081 §5: a number taken from a contact in another
 * domain, or one our SIP domain does not own, may silently become a paid call through another
 * provider), and why.
 *
 * @param flagged true when the call should be shown to the user (and confirmed) before dialling
 * @param reason  one sentence saying why; empty when not flagged
 */
public record InterDomain(boolean flagged, String reason) {
    private static final InterDomain NONE = new InterDomain(false, "");

    public InterDomain {
        reason = reason == null ? "" : reason;
        if (flagged && reason.isBlank()) {
            throw new IllegalArgumentException("an inter-domain call needs a reason");
        }
    }

    public static InterDomain none() {
        return NONE;
    }

    public static InterDomain because(String reason) {
        return new InterDomain(true, reason);
    }
}
