package org.cusax.core.event;

import java.time.Instant;

/** A contact left the roster. */
public record ContactRemoved(Instant at, String jid) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "contact-removed";
    }
}
