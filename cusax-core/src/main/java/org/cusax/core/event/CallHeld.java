package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.call.Call;

/**
 * A hold of an answered call took effect (RFC 3264 §8.4 re-INVITE): {@code byUs} when it is our own hold,
 * otherwise the far end's. The call is {@code on-hold} while either side holds it.
 */
public record CallHeld(Instant at, Call call, boolean byUs) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "call-held";
    }
}
