package org.cusax.core.event;

import java.time.Duration;
import java.time.Instant;

import org.cusax.core.call.Call;
import org.cusax.core.call.EndReason;

/** A call ended (BYE, CANCEL or a final error, RFC 3261 §15 / §9); {@code duration} is talk time. */
public record CallEnded(Instant at, Call call, EndReason reason, Duration duration) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "call-ended";
    }
}
