package org.cusax.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the client spent in one scenario: this JVM's process CPU time over the scenario, minus what the
 * delaying relay's threads ({@code tcp-relay*}, not part of any client) spent meanwhile. Counts every other
 * thread, also those that ended during the scenario, the JIT and the garbage collector, for every scenario
 * alike. Prosody runs in its own process and is not counted.
 */
final class ClientCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long process;
    private final Map<Long, Long> relay;

    private ClientCpu(long process, Map<Long, Long> relay) {
        this.process = process;
        this.relay = relay;
    }

    static ClientCpu start() {
        return new ClientCpu(processNanos(), relayNanos());
    }

    /** CPU milliseconds of the client since {@link #start()}. */
    double millis() {
        long relayDelta = 0;
        for (Map.Entry<Long, Long> e : relayNanos().entrySet()) {
            relayDelta += e.getValue() - relay.getOrDefault(e.getKey(), 0L);
        }
        return (processNanos() - process - relayDelta) / 1e6;
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
