package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.connection.ConnectionStatus;

/** A half changed state. */
public record ConnectionChanged(Instant at, ConnectionStatus status) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    public ConnectionChanged(ConnectionStatus status) {
        this(status.since(), status);
    }

    @Override
    public String type() {
        return "connection";
    }
}
