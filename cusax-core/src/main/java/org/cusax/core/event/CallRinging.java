package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.call.Call;

/** The far end is alerting (180/183, RFC 3261 §13.2.2.1), or an incoming call rings here. */
public record CallRinging(Instant at, Call call) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "call-ringing";
    }
}
