package org.cusax.core.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition another thread makes true (an executor's work, a server's subscription): polls it
 * until it holds or the wait runs out. For state that has no event to await.
 */
public final class Eventually {
    private Eventually() {
    }

    /** True as soon as {@code condition} holds; false if it still does not after {@code wait}. */
    public static boolean holds(BooleanSupplier condition, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return true;
    }
}
