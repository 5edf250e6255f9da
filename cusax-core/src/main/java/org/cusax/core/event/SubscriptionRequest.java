package org.cusax.core.event;

import java.time.Instant;

/**
 * A request to see our presence (RFC 6121 §3.1.3): {@code pending} when it arrives, then {@code approved}
 * or {@code denied} when the user has answered it, or {@code withdrawn} when its sender took it back first.
 */
public record SubscriptionRequest(Instant at, String jid, String state) implements CusaxEvent {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DENIED = "denied";
    /** The requester took it back (an inbound {@code unsubscribe}, RFC 6121 §3.3.3) before it was answered. */
    public static final String WITHDRAWN = "withdrawn";

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "subscription-request";
    }
}
