package org.cusax.testbed.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every server process started by this JVM, so that a JVM shutdown hook stops the ones still
 * running (a crashing or interrupted test run never leaks servers). The hook stops them all at once,
 * not one after the other: a surefire fork is halted 30 s after it was told to exit
 * ({@code forkedProcessExitTimeoutInSeconds}), hooks or not, and one stop may take 10 s of grace.
 * What a halted or SIGKILLed JVM leaves behind is reaped by {@link StaleRunReaper}.
 */
final class ProcessRegistry {

    private static final Set<ServerProcess> RUNNING = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private ProcessRegistry() {
    }

    static synchronized void add(ServerProcess p) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessRegistry::stopAll, "cusax-testbed-shutdown"));
            hookInstalled = true;
        }
        RUNNING.add(p);
    }

    static synchronized void remove(ServerProcess p) {
        RUNNING.remove(p);
    }

    private static void stopAll() {
        List<ServerProcess> all;
        synchronized (ProcessRegistry.class) {
            all = List.copyOf(RUNNING);
        }
        List<Thread> stopping = new ArrayList<>();
        for (ServerProcess p : all) {
            Thread t = new Thread(() -> stop(p), "cusax-testbed-stop-" + p.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void stop(ServerProcess p) {
        try {
            p.stop();
        } catch (RuntimeException e) {
            p.kill9();
        }
    }
}
