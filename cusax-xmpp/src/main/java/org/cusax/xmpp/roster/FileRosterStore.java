package org.cusax.xmpp.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.cusax.xmpp.util.AtomicFiles;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.provider.RosterPacketProvider;
import org.jivesoftware.smack.roster.rosterstore.RosterStore;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster and its version (RFC 6121 §2.6) in one file, so that the next start can show the contact
 * list at once and ask the server only for what changed. The file is the roster query itself,
 * {@code <query xmlns='jabber:iq:roster' ver='…'><item …/></query>}, written and read with Smack's own
 * roster serializer and parser; it is replaced atomically after every change. An unreadable file is
 * ignored with a warning (the roster is then fetched whole).
 *
 * <p>Why not Smack's {@code DirectoryRosterStore}: one file per contact plus a version file, rewritten
 * non-atomically, so a crash can leave a version that does not match the entries; and 1,000 files per
 * account.
 */
public final class FileRosterStore implements RosterStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileRosterStore.class);

    private final Path file;
    private final InMemoryRosterStore memory = new InMemoryRosterStore();
    /** Whether the file was read, or the store changed since: a later {@link #read()} changes nothing. */
    private boolean settled; // guarded by this

    private FileRosterStore(Path file) {
        this.file = file;
    }

    /** Opens the store, reading {@code file} if it exists. */
    public static FileRosterStore open(Path file) {
        FileRosterStore store = at(file);
        store.read();
        return store;
    }

    /**
     * A store kept in {@code file}, empty until {@link #read()}: the file can then be read on another thread
     * while the connection is being made. Smack must not be given the store's contents before it was read.
     */
    public static FileRosterStore at(Path file) {
        return new FileRosterStore(file);
    }

    /**
     * Reads the file if it exists; an unreadable file is ignored with a warning. Only the first call reads, and
     * only when nothing was stored before it: the file never overwrites what the server sent.
     */
    public synchronized void read() {
        if (settled) {
            return;
        }
        settled = true;
        if (Files.exists(file)) {
            try {
                RosterPacket packet = parse(Files.readString(file, StandardCharsets.UTF_8));
                memory.resetEntries(packet.getRosterItems(), packet.getVersion());
            } catch (Exception e) {
                LOG.warn("ignoring the unreadable roster cache {} ({}); the roster will be fetched whole", file,
                        e.getMessage());
                memory.resetStore();
            }
        }
    }

    static RosterPacket parse(String xml) throws Exception {
        return RosterPacketProvider.INSTANCE.parse(PacketParserUtils.getParserFor(xml));
    }

    public Path file() {
        return file;
    }

    @Override
    public List<RosterPacket.Item> getEntries() {
        return memory.getEntries();
    }

    @Override
    public RosterPacket.Item getEntry(Jid bareJid) {
        return memory.getEntry(bareJid);
    }

    @Override
    public String getRosterVersion() {
        return memory.getRosterVersion();
    }

    @Override
    public synchronized boolean addEntry(RosterPacket.Item item, String version) {
        settled = true;
        memory.addEntry(item, version);
        return save();
    }

    @Override
    public synchronized boolean resetEntries(Collection<RosterPacket.Item> items, String version) {
        settled = true;
        memory.resetEntries(items, version);
        return save();
    }

    @Override
    public synchronized boolean removeEntry(Jid bareJid, String version) {
        settled = true;
        memory.removeEntry(bareJid, version);
        return save();
    }

    @Override
    public synchronized void resetStore() {
        settled = true;
        memory.resetStore();
        save();
    }

    private boolean save() {
        RosterPacket packet = new RosterPacket();
        packet.setVersion(memory.getRosterVersion());
        memory.getEntries().forEach(packet::addRosterItem);
        try {
            AtomicFiles.write(file, packet.getChildElementXML().toString());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the roster cache {}: {}", file, e.getMessage());
            return false;
        }
    }
}
