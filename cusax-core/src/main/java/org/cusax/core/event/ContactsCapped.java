package org.cusax.core.event;

import java.time.Instant;

/**
 * The server offered more roster items than {@code contacts.max-roster}: only {@code kept} are in the contact
 * list, {@code ignored} were dropped (a roster load beyond the limit, or roster pushes while the list is full).
 */
public record ContactsCapped(Instant at, int kept, int ignored, int limit) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "contacts-capped";
    }

    /** What the user is told. */
    public String message() {
        return "the server sent more contacts than contacts.max-roster = " + limit + ": " + ignored
                + (ignored == 1 ? " contact was" : " contacts were") + " ignored, " + kept + " kept";
    }
}
