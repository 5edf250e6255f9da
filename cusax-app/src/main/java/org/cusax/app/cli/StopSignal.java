package org.cusax.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM handling for long-running commands: the signal releases {@link #await}, and the
 * JVM waits (bounded) until the command says it has cleaned up (logged out, un-REGISTERed, stopped
 * servers) before it exits.
 */
final class StopSignal implements AutoCloseable {
    private static final long CLEANUP_SECONDS = 20;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "cusax-stop-signal");

    StopSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onSignal() {
        stop.countDown();
        try {
            cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the signal, at most {@code limit} (null = no limit); true if it came. */
    boolean await(Duration limit) throws InterruptedException {
        if (limit == null) {
            stop.await();
            return true;
        }
        return stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Call after cleaning up: lets a pending signal finish the JVM. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and now returns
        }
    }
}
