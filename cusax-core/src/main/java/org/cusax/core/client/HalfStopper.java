package org.cusax.core.client;

import org.cusax.core.service.Half;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops a half on a thread of its own (never under a lock, never on the other half's thread). */
final class HalfStopper {
    private static final Logger LOG = LoggerFactory.getLogger(HalfStopper.class);
    private static final long JOIN_MILLIS = 15_000;

    private HalfStopper() {
    }

    /** Starts {@code stop} on a new thread named after the half; a failure is logged, never thrown. */
    static Thread start(Half half, Runnable stop) {
        Thread t = new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly", half.label(), e);
            }
        }, "cusax-stop-" + half.label());
        t.start();
        return t;
    }

    /** Waits (bounded in time) for a stopping thread; an interrupt is kept for the caller. */
    static void join(Thread t) {
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
