package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.call.Call;

/** The call is answered (2xx and ACK, RFC 3261 §13.2.2.4). */
public record CallAnswered(Instant at, Call call) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "call-answered";
    }
}
