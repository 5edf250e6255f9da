package org.cusax.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A deterministic {@link ScheduledExecutorService} with its own {@link Clock}: nothing runs until the
 * test says so. {@link #runReady} runs what is due now (on the test's thread); {@link #advance} moves
 * virtual time forward, running each task at its due time in order; {@link #runUntil} also waits for
 * tasks that other threads (a SIP stack's, a socket reader's) post, until a condition holds. No sleeping:
 * time passes only when the test advances it.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Instant start;
    private long nowNanos;
    private long sequence;
    private boolean shutdown;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();

    public ManualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualScheduler(Instant start) {
        this.start = start;
    }

    /** A clock that reads this scheduler's virtual time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    public synchronized Instant now() {
        return start.plusNanos(nowNanos);
    }

    /** Virtual time since the start. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nowNanos);
    }

    /** The delays (from now) of the tasks still waiting, soonest first; periodic ones counted once. */
    public synchronized List<Duration> pendingDelays() {
        List<Task<?>> sorted = new ArrayList<>(queue);
        sorted.sort(null);
        return sorted.stream().filter(t -> !t.isDone()).map(t -> Duration.ofNanos(t.due - nowNanos)).toList();
    }

    /** Runs every task due now, including those the tasks post; returns how many ran. */
    public int runReady() {
        int ran = 0;
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > nowNanos) {
                    return ran;
                }
                queue.poll();
            }
            if (!next.isDone()) {
                next.runOnce();
                ran++;
            }
        }
    }

    /** Moves virtual time forward by {@code by}, running each task when its time comes. */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nowNanos + by.toNanos();
        }
        while (true) {
            runReady();
            synchronized (this) {
                Task<?> next = queue.peek();
                if (next == null || next.due > target) {
                    nowNanos = target;
                    break;
                }
                nowNanos = Math.max(nowNanos, next.due);
            }
        }
        runReady();
    }

    /**
     * Runs ready tasks until {@code done} holds, waiting (at most {@code realLimit}) for other threads to
     * post more; virtual time does not move. Returns whether {@code done} held.
     */
    public boolean runUntil(BooleanSupplier done, Duration realLimit) throws InterruptedException {
        long deadline = System.nanoTime() + realLimit.toNanos();
        while (true) {
            runReady();
            if (done.getAsBoolean()) {
                return true;
            }
            synchronized (this) {
                Task<?> next = queue.peek();
                if (next != null && next.due <= nowNanos) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return done.getAsBoolean();
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
    }

    private synchronized <V> Task<V> enqueue(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("the manual scheduler is shut down");
        }
        queue.add(task);
        notifyAll();
        return task;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(() -> {
            command.run();
            return null;
        }, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        synchronized (this) {
            return enqueue(new Task<>(callable, nowNanos + Math.max(0, unit.toNanos(delay)), 0, sequence++));
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, delay, unit);
    }

    private ScheduledFuture<?> periodic(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        synchronized (this) {
            return enqueue(new Task<>(() -> {
                command.run();
                return null;
            }, nowNanos + Math.max(0, unit.toNanos(initialDelay)), unit.toNanos(period), sequence++));
        }
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> implements ScheduledFuture<V>, Runnable {
        private final Callable<V> body;
        private final long period;
        private final long seq;
        private final CompletableFuture<V> result = new CompletableFuture<>();
        long due;

        Task(Callable<V> body, long due, long period, long seq) {
            this.body = body;
            this.due = due;
            this.period = period;
            this.seq = seq;
        }

        void runOnce() {
            try {
                V v = body.call();
                if (period == 0) {
                    result.complete(v);
                    return;
                }
                synchronized (ManualScheduler.this) {
                    if (!result.isDone() && !shutdown) {
                        due += period;
                        queue.add(this);
                    }
                }
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }

        @Override
        public void run() {
            runOnce();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (ManualScheduler.this) {
                return unit.convert(due - nowNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> o = (Task<?>) other;
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = result.cancel(false);
            synchronized (ManualScheduler.this) {
                queue.remove(this);
            }
            return cancelled;
        }

        @Override
        public boolean isCancelled() {
            return result.isCancelled();
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            return result.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                java.util.concurrent.TimeoutException {
            return result.get(timeout, unit);
        }
    }
}
