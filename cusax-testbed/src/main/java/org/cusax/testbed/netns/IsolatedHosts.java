package org.cusax.testbed.netns;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every namespace this JVM created and has not deleted yet; a shutdown hook deletes them. */
final class IsolatedHosts {

    private static final Set<IsolatedHost> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private IsolatedHosts() {
    }

    static synchronized void add(IsolatedHost host) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(IsolatedHosts::closeAll, "cusax-netns-shutdown"));
            hookInstalled = true;
        }
        OPEN.add(host);
    }

    static synchronized void remove(IsolatedHost host) {
        OPEN.remove(host);
    }

    private static void closeAll() {
        List<IsolatedHost> all;
        synchronized (IsolatedHosts.class) {
            all = List.copyOf(OPEN);
        }
        for (IsolatedHost h : all) {
            try {
                h.close();
            } catch (RuntimeException e) {
                // best effort at exit
            }
        }
    }
}
