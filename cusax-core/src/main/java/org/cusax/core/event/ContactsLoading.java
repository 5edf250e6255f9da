package org.cusax.core.event;

import java.time.Instant;

/** Contact details are being loaded: done of total contacts resolved. */
public record ContactsLoading(Instant at, int done, int total) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "contacts-loading";
    }
}
