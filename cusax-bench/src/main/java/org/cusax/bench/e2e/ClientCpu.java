package org.cusax.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the client spent in one scenario: this JVM's process CPU time over the scenario, minus what the
 * delaying relay's threads ({@code tcp-relay*}, not part of any client) and the JIT compiler threads spent
 * meanwhile. Counts every other thread, also those that ended during the scenario, and the garbage collector,
 * for every scenario alike. Prosody runs in its own process and is not counted.
 *
 * <p>The JIT is reported apart ({@link #jitMillis}): compiling is a one-off cost of a process, not a cost per
 * contact, and it landed on whichever scenario first ran a code path. cusax has more code than raw Smack, and
 * its compiler threads spent 0.8–1 s in each of its first cold runs at N = 1,000 (read from
 * {@code /proc/self/task/}), which made the CPU ratio at RTT 0 (the first RTT run) a measure of the JIT.
 */
final class ClientCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private final long process;
    private final Map<Long, Long> relay;
    private final Map<String, Long> jit;

    private ClientCpu(long process, Map<Long, Long> relay, Map<String, Long> jit) {
        this.process = process;
        this.relay = relay;
        this.jit = jit;
    }

    static ClientCpu start() {
        return new ClientCpu(processNanos(), relayNanos(), jitNanos());
    }

    /** CPU milliseconds of the client since {@link #start()}, the relay and the JIT compiler threads left out. */
    double millis() {
        long relayDelta = 0;
        for (Map.Entry<Long, Long> e : relayNanos().entrySet()) {
            relayDelta += e.getValue() - relay.getOrDefault(e.getKey(), 0L);
        }
        return (processNanos() - process - relayDelta) / 1e6 - jitMillis();
    }

    /**
     * CPU milliseconds of the JIT compiler threads since {@link #start()} (0 where {@code /proc} does not say; a
     * compiler thread that ended meanwhile is left in {@link #millis}).
     */
    double jitMillis() {
        long delta = 0;
        for (Map.Entry<String, Long> e : jitNanos().entrySet()) {
            delta += Math.max(0, e.getValue() - jit.getOrDefault(e.getKey(), 0L));
        }
        return delta / 1e6;
    }

    /** Run time of each JIT compiler thread ({@code C1/C2 CompilerThread}), by task id, from its schedstat. */
    private static Map<String, Long> jitNanos() {
        Map<String, Long> cpu = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return cpu;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String first = Files.readString(task.resolve("schedstat")).strip().split(" ")[0];
                        cpu.put(task.getFileName().toString(), Long.parseLong(first));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we read it
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    private static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }

    private static Map<Long, Long> relayNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("tcp-relay")) {
                long nanos = THREADS.getThreadCpuTime(t.getThreadId());
                if (nanos >= 0) {
                    cpu.put(t.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
