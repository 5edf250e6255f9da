package org.cusax.bench.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) a process has used so far, from the OS ({@code /proc/PID/stat}, in clock ticks). */
final class ProcessCpu {
    /** Linux's USER_HZ: {@code /proc} counts CPU time in hundredths of a second on every Linux ABI. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    static double seconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields after the command name (which may hold spaces) in parentheses: state is field 3
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }
}
