package org.cusax.xmpp.roster;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;

/** {@link RosterView} over Smack's {@link Roster}. */
public final class SmackRosterView implements RosterView {
    private final Roster roster;

    public SmackRosterView(Roster roster) {
        this.roster = roster;
    }

    @Override
    public boolean loaded() {
        return roster.isLoaded();
    }

    @Override
    public int size() {
        return roster.getEntryCount();
    }

    @Override
    public List<RosterContact> contacts() {
        return roster.getEntries().stream()
                .map(SmackRosterView::contact)
                .sorted(Comparator.comparing(RosterContact::jid))
                .toList();
    }

    static RosterContact contact(RosterEntry entry) {
        String name = entry.getName();
        return new RosterContact(entry.getJid().toString(),
                name == null || name.isBlank() ? Optional.empty() : Optional.of(name),
                entry.getType() == null ? "none" : entry.getType().name());
    }
}
