package org.cusax.xmpp.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

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
 * roster serializer and parser; it is replaced atomically after a change. An unreadable file is
 * ignored with a warning (the roster is then fetched whole).
 *
 * <p>Smack changes the store on its reader thread (a roster result, each roster push): the file is written on
 * the {@code writer} given instead, behind the change, so reading the stream never waits for the disk. Changes
 * made before the write ran go into the same write (a thousand pushes: not a thousand rewrites of the whole
 * roster). A writer that no longer takes tasks (the session is closing) gets the write done at once. A crash
 * may lose the last change from the file: the version written with the entries is the one they match, so the
 * next login asks the server from there (RFC 6121 §2.6) and loses nothing.
 *
 * <p>Why not Smack's {@code DirectoryRosterStore}: one file per contact plus a version file, rewritten
 * non-atomically, so a crash can leave a version that does not match the entries; and 1,000 files per
 * account.
 */
public final class FileRosterStore implements RosterStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileRosterStore.class);

    private final Path file;
    private final Executor writer;
    private final InMemoryRosterStore memory = new InMemoryRosterStore();
    /** Whether the file was read, or the store changed since: a later {@link #read()} changes nothing. */
    private boolean settled; // guarded by this
    /** A write is queued on the writer and will take every change made until it runs. */
    private boolean writeQueued; // guarded by this
    /** Held while writing the file, taken before this store's lock. */
    private final Object fileLock = new Object();

    private FileRosterStore(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
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
     * Every change is written before the call that made it returns.
     */
    public static FileRosterStore at(Path file) {
        return new FileRosterStore(file, Runnable::run);
    }

    /** The same, the file being written on {@code writer} after the changes (one thread, in order). */
    public static FileRosterStore at(Path file, Executor writer) {
        return new FileRosterStore(file, writer);
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
    public boolean addEntry(RosterPacket.Item item, String version) {
        change(() -> memory.addEntry(item, version));
        return true;
    }

    @Override
    public boolean resetEntries(Collection<RosterPacket.Item> items, String version) {
        change(() -> memory.resetEntries(items, version));
        return true;
    }

    @Override
    public boolean removeEntry(Jid bareJid, String version) {
        change(() -> memory.removeEntry(bareJid, version));
        return true;
    }

    @Override
    public void resetStore() {
        change(memory::resetStore);
    }

    /** Applies {@code mutation} under the store's lock, then queues the write outside it. */
    private void change(Runnable mutation) {
        boolean queue;
        synchronized (this) {
            mutation.run();
            queue = changed();
        }
        queueWrite(queue);
    }

    /** After a change (under the lock): whether a write must be queued (none is queued that will take it). */
    private boolean changed() {
        settled = true;
        if (writeQueued) {
            return false;
        }
        writeQueued = true;
        return true;
    }

    /** Outside the store's lock, so that a write done at once never holds it while waiting for the file. */
    private void queueWrite(boolean queue) {
        if (!queue) {
            return;
        }
        try {
            writer.execute(this::write);
        } catch (RejectedExecutionException e) {
            write();
        }
    }

    /**
     * Writes what the store holds now. One write at a time, each with the snapshot it took when its turn came, so
     * the file never goes back to an older roster (a write done at once may meet one still running on the writer).
     */
    private void write() {
        synchronized (fileLock) {
            String xml;
            synchronized (this) {
                writeQueued = false;
                RosterPacket packet = new RosterPacket();
                packet.setVersion(memory.getRosterVersion());
                memory.getEntries().forEach(packet::addRosterItem);
                xml = packet.getChildElementXML().toString();
            }
            try {
                AtomicFiles.write(file, xml);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not write the roster cache {}: {}", file, e.getMessage());
            }
        }
    }
}
