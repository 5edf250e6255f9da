package org.cusax.it.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Polls a condition until it holds; fails with a description of the last observed value. */
public final class Await {
    private Await() {
    }

    public static <T> T until(String what, Duration limit, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what + "; last seen: " + last);
            }
            LockSupport.parkNanos(50_000_000L);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted waiting for " + what);
            }
            last = probe.get();
        }
        return last;
    }

    public static void until(String what, Duration limit, Supplier<Boolean> condition) {
        until(what, limit, condition, Boolean::booleanValue);
    }
}
