package org.cusax.core.event;

import java.time.Instant;

/**
 * A request to see our presence (RFC 6121 §3.1.3): {@code pending} when it arrives, then {@code approved}
 * or {@code denied} when the user has answered it.
 */
public record SubscriptionRequest(Instant at, String jid, String state) implements CusaxEvent {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DENIED = "denied";

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "subscription-request";
    }
}
