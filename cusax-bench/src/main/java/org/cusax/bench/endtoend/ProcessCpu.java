package org.cusax.bench.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used so far, from the OS ({@code /proc/PID/stat}, in clock ticks):
 * the callee's in the G.711 call bench, Prosody's in the roster bench ({@code e2e.ServerCpu}).
 */
public final class ProcessCpu {
    /** Linux's USER_HZ: {@code /proc} counts CPU time in hundredths of a second on every Linux ABI. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    public static double seconds(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / TICKS_PER_SECOND;
    }

    /** utime + stime of a {@code stat} line (fields 14 and 15 of proc(5)), in clock ticks. */
    public static long ticks(String stat) {
        // fields after the command name (which may hold spaces and parens) in parentheses: state is field 3
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
