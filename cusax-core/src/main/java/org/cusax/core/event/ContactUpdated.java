package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.contact.Contact;

/** A contact was added or changed: name, presence or telephony addresses. */
public record ContactUpdated(Instant at, Contact contact) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "contact-updated";
    }
}
