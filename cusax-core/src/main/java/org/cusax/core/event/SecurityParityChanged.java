package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.client.SecurityParity;

/** The two halves now run at the same, or at different, security levels. */
public record SecurityParityChanged(Instant at, SecurityParity parity) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "security-parity";
    }
}
