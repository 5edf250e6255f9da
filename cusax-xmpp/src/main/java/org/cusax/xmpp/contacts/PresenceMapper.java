package org.cusax.xmpp.contacts;

import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
import org.cusax.core.port.RosterItem;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;

/** Smack's presence and roster types to the core's (RFC 6121 §4.7.2.1 show values, §2.1.2.5 subscription). */
public final class PresenceMapper {
    private PresenceMapper() {
    }

    /** An available presence maps its show value (none = available) and status; anything else is unavailable. */
    public static Presence presence(org.jivesoftware.smack.packet.Presence p) {
        if (p == null || !p.isAvailable()) {
            return Presence.unavailable();
        }
        org.jivesoftware.smack.packet.Presence.Mode mode = p.getMode();
        Availability a = mode == null ? Availability.AVAILABLE : switch (mode) {
            case chat -> Availability.CHAT;
            case away -> Availability.AWAY;
            case xa -> Availability.XA;
            case dnd -> Availability.DND;
            default -> Availability.AVAILABLE;
        };
        return new Presence(a, p.getStatus());
    }

    public static RosterItem item(RosterEntry entry) {
        return new RosterItem(entry.getJid().toString(), entry.getName(),
                entry.getType() == null ? "none" : entry.getType().name(),
                entry.getGroups().stream().map(org.jivesoftware.smack.roster.RosterGroup::getName).sorted().toList());
    }

    public static RosterItem item(RosterPacket.Item item) {
        return new RosterItem(item.getJid().toString(), item.getName(),
                item.getItemType() == null ? "none" : item.getItemType().name(),
                item.getGroupNames().stream().sorted().toList());
    }
}
