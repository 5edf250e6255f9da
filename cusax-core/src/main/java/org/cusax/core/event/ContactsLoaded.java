package org.cusax.core.event;

import java.time.Instant;

/** Every roster contact's details are known. */
public record ContactsLoaded(Instant at, int total) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "contacts-loaded";
    }
}
