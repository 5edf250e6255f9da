package org.cusax.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a server process (Prosody) spent over one scenario, read from {@code /proc/<pid>/stat} (user +
 * system time, in clock ticks of 10 ms): with the client's own CPU ({@link ClientCpu}) it tells whether a
 * slow repetition was the client's doing or the server's. -1 where {@code /proc} does not say.
 */
final class ServerCpu {
    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux this runs on (USER_HZ is fixed for user space). */
    private static final double MILLIS_PER_TICK = 10;
    private final Path stat;
    private final long startTicks;

    private ServerCpu(Path stat, long startTicks) {
        this.stat = stat;
        this.startTicks = startTicks;
    }

    static ServerCpu start(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return new ServerCpu(stat, ticks(stat));
    }

    /** CPU milliseconds since {@link #start}; -1 if either reading failed (no /proc, the process gone). */
    double millis() {
        long now = ticks(stat);
        return now < 0 || startTicks < 0 ? -1 : (now - startTicks) * MILLIS_PER_TICK;
    }

    /** utime + stime (fields 14 and 15 of proc(5); the command name in field 2 may hold spaces and parens). */
    static long ticks(String statLine) {
        String[] after = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[11]) + Long.parseLong(after[12]); // fields 3.. start at index 0
    }

    private static long ticks(Path stat) {
        try {
            return ticks(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
