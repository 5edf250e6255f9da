package org.cusax.media.dtmf;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Turns queued digits into the RFC 4733 §2.5.1 packet sequence, one step per 20 ms media tick: all packets
 * of a digit carry the RTP timestamp of the tick it started in; the first has the marker bit; updates grow
 * the duration; the final packet (end bit, final duration) is sent three times (§2.5.1.4). Between digits
 * a pause lets audio through, so receivers see distinct key presses. Thread-safe.
 */
public final class DtmfSender {
    /** Volume of generated tones: -10 dBm0. */
    public static final int VOLUME = 10;
    private static final int END_REPEATS = 3;

    private final int incrementPerTick;
    private final int toneTicks;
    private final int gapTicks;
    private final ArrayDeque<Character> queue = new ArrayDeque<>();
    private char current;
    private long startTimestamp;
    private int tick;
    private int endsSent;
    private boolean active;
    private int gapLeft;

    /** One step of the sequence: send {@code event} with this marker and timestamp instead of audio. */
    public record Packet(DtmfEvent event, boolean marker, long timestamp) {
    }

    /**
     * @param clockRate RTP clock of the telephone-event format (8000, or 48000 beside Opus)
     * @param toneMillis how long each digit sounds, a multiple of 20 ms, 40..1000
     * @param gapMillis pause after each digit, a multiple of 20 ms, 0..1000
     */
    public DtmfSender(int clockRate, int toneMillis, int gapMillis) {
        if (clockRate <= 0 || clockRate % 50 != 0) {
            throw new IllegalArgumentException("clock rate must be a positive multiple of 50, got " + clockRate);
        }
        if (toneMillis < 40 || toneMillis > 1000 || toneMillis % 20 != 0) {
            throw new IllegalArgumentException("tone length must be 40..1000 ms in 20 ms steps, got " + toneMillis);
        }
        if (gapMillis < 0 || gapMillis > 1000 || gapMillis % 20 != 0) {
            throw new IllegalArgumentException("gap must be 0..1000 ms in 20 ms steps, got " + gapMillis);
        }
        this.incrementPerTick = clockRate / 50;
        this.toneTicks = toneMillis / 20;
        this.gapTicks = gapMillis / 20;
        if ((long) toneTicks * incrementPerTick > 0xFFFF) {
            throw new IllegalArgumentException("tone too long for one RFC 4733 event at " + clockRate + " Hz");
        }
    }

    /** The defaults: 100 ms tones, 60 ms pauses. */
    public static DtmfSender standard(int clockRate) {
        return new DtmfSender(clockRate, 100, 60);
    }

    /** Queues digits (0-9, *, #, A-D); rejects the whole string if any character is not a digit. */
    public synchronized void send(String digits) {
        for (char c : digits.toCharArray()) {
            DtmfEvent.eventCode(c);
        }
        for (char c : digits.toCharArray()) {
            queue.add(Character.toUpperCase(c));
        }
    }

    /** True while a digit is being sent, queued or followed by its pause. */
    public synchronized boolean isBusy() {
        return active || gapLeft > 0 || !queue.isEmpty();
    }

    /**
     * The packet to send at this tick instead of audio, or empty to send audio.
     *
     * @param tickTimestamp the RTP timestamp audio would carry at this tick
     */
    public synchronized Optional<Packet> next(long tickTimestamp) {
        if (!active) {
            if (gapLeft > 0) {
                gapLeft--;
                return Optional.empty();
            }
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            current = queue.poll();
            startTimestamp = tickTimestamp;
            tick = 0;
            endsSent = 0;
            active = true;
        }
        int code = DtmfEvent.eventCode(current);
        tick++;
        if (tick < toneTicks) {
            DtmfEvent update = new DtmfEvent(code, false, VOLUME, tick * incrementPerTick);
            return Optional.of(new Packet(update, tick == 1, startTimestamp));
        }
        DtmfEvent last = new DtmfEvent(code, true, VOLUME, toneTicks * incrementPerTick);
        endsSent++;
        if (endsSent == END_REPEATS) {
            active = false;
            gapLeft = gapTicks;
        }
        return Optional.of(new Packet(last, false, startTimestamp));
    }
}
