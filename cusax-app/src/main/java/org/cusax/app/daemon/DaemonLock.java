package org.cusax.app.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One daemon per account: an exclusive {@link FileLock} on {@code NAME.lock}, held for the daemon's life
 * (the OS releases it when the process dies, so a stale file never blocks a new daemon). The file says
 * {@code pid port} once the daemon serves; {@link #running} reads it only while someone holds the lock.
 *
 * <p>The lock is a POSIX record lock, which belongs to the process: closing <em>any</em> descriptor of the
 * file in the holding process (a probe, a {@code Files.readString}) silently drops it. So the locks this
 * process holds are remembered (a fact about the process, hence process-wide) and a probe or a second
 * acquire in this process looks there and never opens the file.
 */
public final class DaemonLock implements AutoCloseable {
    /** Another process holds the lock. */
    public static final class HeldElsewhere extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Long> pid;

        HeldElsewhere(Optional<Long> pid, String file) {
            super("a daemon for this account is already running" + pid.map(p -> " (pid " + p + ")").orElse("")
                    + "; lock file " + file, null, false, false);
            this.pid = pid;
        }

        public Optional<Long> pid() {
            return pid;
        }
    }

    /** What a running daemon published. */
    public record Holder(long pid, int port) {
    }

    private static final Map<Path, DaemonLock> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    private static Path key(DaemonFiles files) {
        return files.lock().toAbsolutePath().normalize();
    }

    /** Takes the lock, or says which process holds it. */
    public static DaemonLock acquire(DaemonFiles files) throws IOException, HeldElsewhere {
        files.createDir();
        if (HELD_HERE.containsKey(key(files))) {
            throw new HeldElsewhere(Optional.of(ProcessHandle.current().pid()), files.lock().toString());
        }
        FileChannel ch = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            Optional<Long> pid = read(files).map(Holder::pid);
            ch.close();
            throw new HeldElsewhere(pid, files.lock().toString());
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        DaemonLock held = new DaemonLock(key(files), ch, lock);
        HELD_HERE.put(held.file, held);
        return held;
    }

    /** Writes {@code pid port}: from now on clients find the daemon. */
    public void publish(int port) throws IOException {
        byte[] b = (ProcessHandle.current().pid() + " " + port + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(b), 0);
        channel.force(false);
    }

    /**
     * The daemon serving this account, if one holds the lock and has published its port. A lock file
     * nobody holds (the daemon died) or whose pid is gone is stale and ignored.
     */
    public static Optional<Holder> running(DaemonFiles files) {
        DaemonLock mine = HELD_HERE.get(key(files));
        if (mine != null) {
            return mine.published();
        }
        if (!Files.exists(files.lock())) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(files.lock(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                probe = null; // held by this very process (tests run daemon and client in one JVM)
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return read(files).filter(h -> h.port() > 0)
                .filter(h -> ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /** What this process published, read through the held channel (no other descriptor is opened). */
    private Optional<Holder> published() {
        try {
            ByteBuffer b = ByteBuffer.allocate(64);
            channel.read(b, 0);
            return parse(new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII)).filter(h -> h.port() > 0);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Holder> read(DaemonFiles files) {
        try {
            return parse(Files.readString(files.lock(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Holder> parse(String text) {
        try {
            String[] parts = text.strip().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            int port = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return Optional.of(new Holder(pid, port));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Clears the published port and releases the lock. */
    @Override
    public void close() throws IOException {
        HELD_HERE.remove(file, this);
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
