package org.cusax.testbed.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every server process started by this JVM, so that a JVM shutdown hook stops the ones still
 * running (a crashing or interrupted test run never leaks servers).
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
        for (ServerProcess p : all) {
            try {
                p.stop();
            } catch (RuntimeException e) {
                p.kill9();
            }
        }
    }
}
