package org.cusax.app.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for long-running commands ({@code listen}, {@code sandbox}, {@code demo}):
 * the first signal releases {@link #await} (and interrupts the command's thread, if it asked for that),
 * the command cleans up (logs out, un-REGISTERs, stops servers, deletes temporary files) and returns its
 * exit code normally, so that a stop by signal exits 0 after a clean stop. A second signal while
 * cleaning up ends the process at once (exit 130). While no command holds one, the JVM's own handling
 * applies. Without signal handling (a JVM started with {@code -Xrs}) a shutdown hook waits, bounded,
 * for the clean-up instead.
 */
final class StopSignal implements AutoCloseable {
    private static final long HOOK_CLEANUP_SECONDS = 20;
    private static final int FORCED_EXIT = 130;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile Thread toInterrupt;
    private Thread hook;

    StopSignal() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, this::onSignal));
            } catch (IllegalArgumentException unavailable) {
                installHook();
            }
        }
    }

    /** Also interrupts {@code worker} on the first signal (until {@link #stopInterrupting()}). */
    StopSignal interrupting(Thread worker) {
        toInterrupt = worker;
        return this;
    }

    /** From now on a signal no longer interrupts the worker thread (it is cleaning up). */
    void stopInterrupting() {
        toInterrupt = null;
    }

    /** True once Ctrl-C or SIGTERM came. */
    boolean fired() {
        return stop.getCount() == 0;
    }

    private void onSignal(Signal signal) {
        if (fired()) {
            Runtime.getRuntime().halt(FORCED_EXIT);
        }
        stop.countDown();
        Thread worker = toInterrupt;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private synchronized void installHook() {
        if (hook != null) {
            return;
        }
        hook = new Thread(() -> {
            stop.countDown();
            try {
                cleanedUp.await(HOOK_CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cusax-stop-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for the signal, at most {@code limit} (null = no limit); true if it came. */
    boolean await(Duration limit) throws InterruptedException {
        if (limit == null) {
            stop.await();
            return true;
        }
        return stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Call after cleaning up: the signals get their previous handling back. */
    @Override
    public void close() {
        toInterrupt = null;
        cleanedUp.countDown();
        previous.forEach(Signal::handle);
        synchronized (this) {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and now returns
                }
            }
        }
    }
}
