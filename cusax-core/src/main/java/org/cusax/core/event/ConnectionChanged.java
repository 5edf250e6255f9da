package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.connection.ConnectionStatus;

/** A half changed state. */
public record ConnectionChanged(Instant at, ConnectionStatus status) implements CusaxEvent {
    public ConnectionChanged(ConnectionStatus status) {
        this(status.since(), status);
    }

    @Override
    public String type() {
        return "connection";
    }
}
