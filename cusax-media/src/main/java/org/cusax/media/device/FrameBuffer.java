package org.cusax.media.device;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.cusax.media.audio.Pcm;

/**
 * The meeting point of a device thread and the RTP thread: a bounded queue of 20 ms frames that never
 * blocks either side. It absorbs jitter between the two clocks: after a start or an underrun it hands out
 * frames only once {@code prebuffer} frames are queued (silence meanwhile); when the writer runs ahead by
 * more than {@code capacity} frames the oldest are dropped, so the delay stays bounded.
 */
final class FrameBuffer {
    private final int capacity;
    private final int prebuffer;
    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private boolean playing;
    private long underruns;
    private long dropped;

    /**
     * @param capacity  most frames kept (e.g. 10 = 200 ms)
     * @param prebuffer frames to gather before handing any out (e.g. 2 = 40 ms), 1..capacity
     */
    FrameBuffer(int capacity, int prebuffer) {
        if (capacity < 1 || prebuffer < 1 || prebuffer > capacity) {
            throw new IllegalArgumentException("need 1 <= prebuffer <= capacity, got " + prebuffer + "/" + capacity);
        }
        this.capacity = capacity;
        this.prebuffer = prebuffer;
    }

    /** Queues a copy of {@code frame}; drops the oldest frame when full. */
    synchronized void offer(short[] frame) {
        Pcm.requireFrame(frame);
        if (frames.size() == capacity) {
            frames.removeFirst();
            dropped++;
        }
        frames.addLast(frame.clone());
    }

    /**
     * Fills {@code frame} with the next queued frame; returns false and fills silence while gathering
     * (after the start or an underrun).
     */
    synchronized boolean poll(short[] frame) {
        Pcm.requireFrame(frame);
        if (!playing && frames.size() >= prebuffer) {
            playing = true;
        }
        if (playing && !frames.isEmpty()) {
            System.arraycopy(frames.removeFirst(), 0, frame, 0, frame.length);
            return true;
        }
        if (playing) {
            playing = false;
            underruns++;
        }
        Arrays.fill(frame, (short) 0);
        return false;
    }

    /** Forgets every queued frame (e.g. when unmuting, so nothing stale is sent). */
    synchronized void clear() {
        frames.clear();
        playing = false;
    }

    /** Takes every queued frame out, oldest first (a device being switched hands them to the next one). */
    synchronized java.util.List<short[]> drain() {
        java.util.List<short[]> all = java.util.List.copyOf(frames);
        frames.clear();
        playing = false;
        return all;
    }

    /**
     * Queues {@code older} before the frames queued now (they were meant to go first); when that is more than
     * the capacity the oldest are dropped, as by {@link #offer}.
     */
    synchronized void prepend(java.util.List<short[]> older) {
        for (int i = older.size() - 1; i >= 0; i--) {
            frames.addFirst(older.get(i));
        }
        while (frames.size() > capacity) {
            frames.removeFirst();
            dropped++;
        }
    }

    synchronized int size() {
        return frames.size();
    }

    /** How often the reader found the buffer empty while playing. */
    synchronized long underruns() {
        return underruns;
    }

    /** Frames dropped because the writer ran ahead. */
    synchronized long dropped() {
        return dropped;
    }
}
