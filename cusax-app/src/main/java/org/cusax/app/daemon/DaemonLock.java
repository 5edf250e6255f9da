package org.cusax.app.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One daemon per account: an exclusive {@link FileLock} on {@code NAME.lock}, held for the daemon's life
 * (the OS releases it when the process dies, so a stale file never blocks a new daemon). The file says
 * {@code pid port} once the daemon serves; {@link #running} reads it only while someone holds the lock.
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

    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or says which process holds it. */
    public static DaemonLock acquire(DaemonFiles files) throws IOException, HeldElsewhere {
        files.createDir();
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
        return new DaemonLock(ch, lock);
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

    private static Optional<Holder> read(DaemonFiles files) {
        try {
            String[] parts = Files.readString(files.lock(), StandardCharsets.US_ASCII).strip().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            int port = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return Optional.of(new Holder(pid, port));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Clears the published port and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
