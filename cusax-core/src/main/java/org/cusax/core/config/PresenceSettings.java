package org.cusax.core.config;

import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;

/**
 * What our XMPP presence shows while a SIP call is up, and whether calls are refused then.
 *
 * @param onThePhone       show {@link #onThePhonePresence} while at least one call is up (restored after)
 * @param onThePhonePresence the presence shown (default: away, "On the phone")
 * @param busyWhenOnPhone  reject a new incoming call with 486 Busy Here while on the phone or in DND
 */
public record PresenceSettings(boolean onThePhone, Presence onThePhonePresence, boolean busyWhenOnPhone) {
    public PresenceSettings {
        if (onThePhonePresence == null || !onThePhonePresence.availability().online()) {
            throw new IllegalArgumentException("presence.on-the-phone.show must be chat, available, away, xa or dnd");
        }
    }

    /** On, away + "On the phone", calls not refused. */
    public static PresenceSettings defaults() {
        return new PresenceSettings(true, new Presence(Availability.AWAY, "On the phone"), false);
    }
}
