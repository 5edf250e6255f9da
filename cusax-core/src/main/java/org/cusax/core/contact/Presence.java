package org.cusax.core.contact;

/**
 * A contact's presence as shown in the contact list.
 *
 * @param availability available, away, …, or unavailable
 * @param status       the free-text status, empty when none
 */
public record Presence(Availability availability, String status) {
    private static final Presence UNAVAILABLE = new Presence(Availability.UNAVAILABLE, "");

    public Presence {
        if (availability == null) {
            throw new IllegalArgumentException("availability is missing");
        }
        status = status == null ? "" : status.strip();
    }

    /** Unavailable, no status: what a contact is until we hear otherwise. */
    public static Presence unavailable() {
        return UNAVAILABLE;
    }

    public static Presence of(Availability availability) {
        return new Presence(availability, "");
    }
}
