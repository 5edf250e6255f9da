package org.cusax.core.event;

import java.time.Instant;

/** The far end pressed a key (RFC 4733 telephone-event). */
public record DtmfReceived(Instant at, String callId, char digit) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "dtmf";
    }
}
