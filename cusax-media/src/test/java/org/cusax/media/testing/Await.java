package org.cusax.media.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that media threads make true (a packet count reached, a session stopped): polls it
 * until it holds or a generous limit runs out, then fails saying what was awaited. For state that offers no
 * event to wait on; it never asserts how long anything took.
 */
public final class Await {
    /** Long enough for a loaded 2-core machine; a fast one returns as soon as the condition holds. */
    public static final Duration LIMIT = Duration.ofSeconds(20);
    private static final long POLL_NANOS = 2_000_000L;

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@link #LIMIT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, LIMIT);
    }

    public static void until(String what, BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within " + limit + ": " + what);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting for: " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
