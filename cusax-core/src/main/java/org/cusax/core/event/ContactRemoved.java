package org.cusax.core.event;

import java.time.Instant;

/** A contact left the roster. */
public record ContactRemoved(Instant at, String jid) implements CusaxEvent {
    @Override
    public String type() {
        return "contact-removed";
    }
}
