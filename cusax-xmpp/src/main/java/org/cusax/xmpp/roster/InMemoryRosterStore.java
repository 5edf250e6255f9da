package org.cusax.xmpp.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.rosterstore.RosterStore;
import org.jxmpp.jid.Jid;

/**
 * Keeps the roster and its version in memory so that Smack uses roster versioning (RFC 6121 §2.6): after
 * a reconnection that could not resume the stream, the server sends only what changed (or nothing)
 * instead of the whole list. Smack only versions rosters when a store is set. Thread-safe.
 */
public final class InMemoryRosterStore implements RosterStore {
    private final Map<Jid, RosterPacket.Item> items = new LinkedHashMap<>();
    private String version = "";

    @Override
    public synchronized List<RosterPacket.Item> getEntries() {
        return new ArrayList<>(items.values());
    }

    @Override
    public synchronized RosterPacket.Item getEntry(Jid bareJid) {
        return items.get(bareJid);
    }

    @Override
    public synchronized String getRosterVersion() {
        return version;
    }

    @Override
    public synchronized boolean addEntry(RosterPacket.Item item, String version) {
        items.put(item.getJid(), item);
        this.version = version == null ? "" : version;
        return true;
    }

    @Override
    public synchronized boolean resetEntries(Collection<RosterPacket.Item> entries, String version) {
        items.clear();
        for (RosterPacket.Item item : entries) {
            items.put(item.getJid(), item);
        }
        this.version = version == null ? "" : version;
        return true;
    }

    @Override
    public synchronized boolean removeEntry(Jid bareJid, String version) {
        items.remove(bareJid);
        this.version = version == null ? "" : version;
        return true;
    }

    @Override
    public synchronized void resetStore() {
        items.clear();
        version = "";
    }
}
