package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.contact.Contact;

/** A contact was added or changed: name, presence or telephony addresses. */
public record ContactUpdated(Instant at, Contact contact) implements CusaxEvent {
    @Override
    public String type() {
        return "contact-updated";
    }
}
