package org.cusax.app.api;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs work later; injected so that call scripts are tested by advancing a fake instead of sleeping. */
@FunctionalInterface
public interface Timers {
    /** Runs {@code task} after {@code delay}; closing the handle cancels it if it has not run. */
    AutoCloseable schedule(Duration delay, Runnable task);

    /** Timers on a scheduled executor (owned by the caller). */
    static Timers on(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
