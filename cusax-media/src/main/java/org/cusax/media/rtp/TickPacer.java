package org.cusax.media.rtp;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Decides, for each run of a session's fixed-rate 20 ms tick, how many frames it handles: the frame due now,
 * after skipping the frames a stall made too old to send, or none.
 *
 * <p>Frame {@code n} is due {@code n} periods after the pacer was created (created just before the tick is
 * scheduled, so no run comes early). A run that finds at most {@link #TOLERANCE_FRAMES} frames overdue
 * besides the one it handles lets the scheduler catch them up: a fixed-rate executor fires the missed runs
 * back to back, so a tick a few milliseconds late or up to 60 ms behind loses no audio. A run that finds
 * more overdue (the tick thread stalled for 80 ms or more: GC pause, CPU starvation, a slow sink) skips them
 * all and handles the frame due now; the runs the executor then fires to catch up find nothing due and
 * {@link Step#IDLE idle}, so neither the peer nor our sink gets a burst.
 *
 * <p>Time comes only from the clock given to the constructor (nanoseconds, as {@link System#nanoTime}).
 * Not thread-safe: the session calls it under its tick lock.
 */
final class TickPacer {
    /**
     * Frames a run may find overdue and still catch up (3 = 60 ms): one or two late wake-ups of the tick
     * thread are normal scheduling noise, and 60 ms of extra delay is what a receiver's jitter buffer (ours
     * holds 60 ms before playout) absorbs, so catching up costs no audio. Beyond that the backlog would
     * arrive as a burst that overflows the peer's buffer or lengthens its delay for the rest of the call.
     */
    static final int TOLERANCE_FRAMES = 3;

    /** What one scheduled run does. */
    record Step(long skippedFrames, boolean handlesFrame) {
        /** Nothing is due: a catch-up run of the scheduler for frames already skipped. */
        static final Step IDLE = new Step(0, false);
        /** Handle the next frame, nothing skipped. */
        static final Step NEXT = new Step(0, true);

        Step {
            if (skippedFrames < 0 || (skippedFrames > 0 && !handlesFrame)) {
                throw new IllegalArgumentException("a skip is followed by the frame due now");
            }
        }
    }

    private final LongSupplier clock;
    private final long periodNanos;
    private final long origin;
    private long handled;

    /**
     * @param clock nanoseconds of a monotonic clock, e.g. {@code System::nanoTime}; read once here (the due
     *     time of frame 0) and once per {@link #next()}
     * @param periodNanos length of one frame
     */
    TickPacer(LongSupplier clock, long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodNanos);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.periodNanos = periodNanos;
        this.origin = clock.getAsLong();
    }

    /** The step for the run happening now. */
    Step next() {
        long due = Math.floorDiv(clock.getAsLong() - origin, periodNanos) + 1; // frames whose time has come
        long overdue = due - handled - 1; // besides the one this run handles
        if (overdue < 0) {
            return Step.IDLE;
        }
        if (overdue <= TOLERANCE_FRAMES) {
            handled++;
            return Step.NEXT;
        }
        handled = due;
        return new Step(overdue, true);
    }

    /** Frames handled or skipped so far. */
    long frames() {
        return handled;
    }
}
