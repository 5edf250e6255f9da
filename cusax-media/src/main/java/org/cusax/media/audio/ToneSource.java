package org.cusax.media.audio;

import java.time.Duration;
import java.util.Arrays;

/**
 * A sine tone of a given frequency and amplitude, endless or for a fixed duration (then exhausted).
 * The phase is continuous across frames, so the tone has no clicks at frame boundaries.
 */
public final class ToneSource implements AudioSource {
    private final double frequencyHz;
    private final int amplitude;
    private final long totalSamples;
    private long produced;
    private volatile boolean finished;

    /**
     * @param frequencyHz between 1 Hz and 3999 Hz (below the 4 kHz Nyquist limit of 8 kHz audio)
     * @param amplitude peak sample value, 1..32767
     * @param duration how long the tone lasts, or {@code null} for an endless tone
     */
    public ToneSource(double frequencyHz, int amplitude, Duration duration) {
        if (!(frequencyHz >= 1 && frequencyHz < Pcm.SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("tone frequency must be 1..3999 Hz, got " + frequencyHz);
        }
        if (amplitude < 1 || amplitude > Short.MAX_VALUE) {
            throw new IllegalArgumentException("tone amplitude must be 1..32767, got " + amplitude);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("tone duration must be positive, got " + duration);
        }
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
        this.totalSamples = duration == null ? Long.MAX_VALUE : duration.toMillis() * Pcm.SAMPLE_RATE / 1000;
    }

    /** An endless tone. */
    public static ToneSource endless(double frequencyHz, int amplitude) {
        return new ToneSource(frequencyHz, amplitude, null);
    }

    @Override
    public boolean read(short[] frame) {
        Pcm.requireFrame(frame);
        if (produced >= totalSamples) {
            Arrays.fill(frame, (short) 0);
            finished = true;
            return false;
        }
        for (int i = 0; i < frame.length; i++) {
            if (produced < totalSamples) {
                double phase = 2 * Math.PI * frequencyHz * produced / Pcm.SAMPLE_RATE;
                frame[i] = (short) Math.round(amplitude * Math.sin(phase));
                produced++;
            } else {
                frame[i] = 0;
            }
        }
        return true;
    }

    /** True once a read found the tone over; safe to call from any thread. */
    public boolean isFinished() {
        return finished;
    }
}
