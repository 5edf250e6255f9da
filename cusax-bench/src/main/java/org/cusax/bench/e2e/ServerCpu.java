package org.cusax.bench.e2e;

import java.io.IOException;

import org.cusax.bench.endtoend.ProcessCpu;

/**
 * CPU time a server process (Prosody) spent over one scenario ({@link ProcessCpu}: {@code /proc/<pid>/stat},
 * user + system time in clock ticks of 10 ms): with the client's own CPU ({@link ClientCpu}) it tells whether a
 * slow repetition was the client's doing or the server's. -1 where {@code /proc} does not say.
 */
final class ServerCpu {
    private final long pid;
    private final double startSeconds;

    private ServerCpu(long pid, double startSeconds) {
        this.pid = pid;
        this.startSeconds = startSeconds;
    }

    static ServerCpu start(long pid) {
        return new ServerCpu(pid, seconds(pid));
    }

    /** CPU milliseconds since {@link #start}; -1 if either reading failed (no /proc, the process gone). */
    double millis() {
        double now = seconds(pid);
        return now < 0 || startSeconds < 0 ? -1 : Math.round((now - startSeconds) * 100) * 10.0;
    }

    private static double seconds(long pid) {
        try {
            return ProcessCpu.seconds(pid);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
