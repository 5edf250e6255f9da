package org.cusax.xmpp.contacts;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one private thread the contact list runs on (callbacks in order, never on Smack's threads): tasks
 * that throw are logged and the thread goes on; after {@link #close()} tasks are dropped quietly.
 */
final class ContactThread {
    private static final Logger LOG = LoggerFactory.getLogger(ContactThread.class);

    private final ScheduledExecutorService thread;
    private volatile boolean closed;

    ContactThread(String name) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on the thread, after everything submitted before. */
    void submit(Runnable task) {
        try {
            thread.execute(logged(task));
        } catch (RejectedExecutionException e) {
            if (!closed) {
                LOG.debug("contact thread stopped; update dropped");
            }
        }
    }

    /**
     * Runs {@code task} on the thread after everything submitted before, as {@link #submit} does, but refuses it
     * with {@link java.util.concurrent.RejectedExecutionException} once the thread has stopped: for a caller that
     * then does the work itself.
     */
    void executeOrRefuse(Runnable task) {
        thread.execute(logged(task));
    }

    /** {@code task}, whatever it throws logged, so that the thread goes on. */
    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("contact update failed: {}", e.toString());
                LOG.debug("contact update failure", e);
            }
        };
    }

    /** Runs {@code task} on the thread after {@code delayMs}; null if the thread has stopped. */
    ScheduledFuture<?> later(Runnable task, long delayMs) {
        try {
            return thread.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Waits (bounded) until everything submitted so far has run; returns at once once the thread is closed (what
     * was submitted before runs, or is dropped, without us).
     */
    void awaitIdle() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        try {
            thread.execute(latch::countDown);
        } catch (RejectedExecutionException e) {
            return;
        }
        latch.await(10, TimeUnit.SECONDS);
    }

    /** Runs what was submitted (bounded), then stops. */
    void close() {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
    }
}
