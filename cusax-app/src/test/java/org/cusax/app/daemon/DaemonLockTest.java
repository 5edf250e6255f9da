package org.cusax.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.TimeUnit;

import org.cusax.core.config.DaemonSettings;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One daemon per account: the lock names the pid holding it; a lock file nobody holds is stale. */
class DaemonLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondDaemonForTheSameAccountIsToldWhichProcessHoldsIt() throws Exception {
        DaemonFiles files = DaemonFiles.of(new DaemonSettings(dir.resolve("state"), 0), TestAccounts.link("alice"));
        try (DaemonLock lock = DaemonLock.acquire(files)) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("state"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            assertThatThrownBy(() -> DaemonLock.acquire(files)).isInstanceOf(DaemonLock.HeldElsewhere.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(DaemonLock.running(files)).isEmpty(); // holds the lock but serves no port yet
            lock.publish(4711);
            assertThat(DaemonLock.running(files)).contains(new DaemonLock.Holder(ProcessHandle.current().pid(), 4711));
        }
        assertThat(DaemonLock.running(files)).isEmpty();
        DaemonFiles bob = DaemonFiles.of(new DaemonSettings(dir.resolve("state"), 0), TestAccounts.link("bob"));
        assertThat(bob.lock()).isNotEqualTo(files.lock());
        try (DaemonLock other = DaemonLock.acquire(bob)) {
            other.publish(1);
        }
    }

    @Test
    void aLeftoverLockFileWithADeadDaemonsPortIsIgnored() throws Exception {
        DaemonFiles files = DaemonFiles.of(new DaemonSettings(dir, 0), TestAccounts.link("alice"));
        Files.writeString(files.lock(), "999999 4711\n");
        assertThat(DaemonLock.running(files)).isEmpty();
        try (DaemonLock lock = DaemonLock.acquire(files)) {
            assertThat(Files.readString(files.lock()).strip()).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }

    @Test
    void probingFromTheHoldingProcessKeepsTheLockThatOtherProcessesSee() throws Exception {
        DaemonFiles files = DaemonFiles.of(new DaemonSettings(dir.resolve("state"), 0), TestAccounts.link("alice"));
        try (DaemonLock lock = DaemonLock.acquire(files)) {
            lock.publish(4711);
            // what the CLI, the web link and a second serve do inside the daemon's own JVM
            assertThat(DaemonLock.running(files)).contains(new DaemonLock.Holder(ProcessHandle.current().pid(), 4711));
            assertThatThrownBy(() -> DaemonLock.acquire(files)).isInstanceOf(DaemonLock.HeldElsewhere.class);
            assertThat(DaemonLock.running(files)).isPresent();
            assertThat(probeFromAnotherProcess(files.lock())).isEqualTo("held");
        }
        assertThat(probeFromAnotherProcess(files.lock())).isEqualTo("free");
    }

    /** Another JVM tries the same POSIX lock (a POSIX lock is per process, so only another process can tell). */
    private String probeFromAnotherProcess(Path lockFile) throws Exception {
        Path source = dir.resolve("Probe.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.channels.FileLock;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Probe {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                            FileLock l = ch.tryLock();
                            System.out.print(l == null ? "held" : "free");
                        }
                    }
                }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), lockFile.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe process ended").isTrue();
        return new String(p.getInputStream().readAllBytes()).strip();
    }
}
