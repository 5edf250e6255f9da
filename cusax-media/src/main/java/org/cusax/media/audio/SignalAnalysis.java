package org.cusax.media.audio;

import java.time.Duration;

/**
 * Measurements on recorded PCM, for tests that check the audio that arrived: the energy (RMS), the
 * strength of one frequency (Goertzel algorithm), the dominant frequency, and how long the audio was
 * not silent. Pure functions over {@code short[]} samples.
 */
public final class SignalAnalysis {
    /** RMS below which a 10 ms window counts as silence (about -40 dBFS). */
    public static final double DEFAULT_SILENCE_RMS = 300;
    private static final int COARSE_STEP_HZ = 10;

    private SignalAnalysis() {
    }

    /** Root mean square of all samples; 0 for an empty array. */
    public static double rms(short[] pcm) {
        return rms(pcm, 0, pcm.length);
    }

    private static double rms(short[] pcm, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /**
     * The amplitude of the {@code frequencyHz} component (Goertzel over the whole array): a pure sine of
     * peak amplitude A at that frequency gives about A.
     */
    public static double toneAmplitude(short[] pcm, int sampleRate, double frequencyHz) {
        requireRate(sampleRate);
        if (pcm.length == 0) {
            return 0;
        }
        return 2 * Math.sqrt(goertzelPower(pcm, sampleRate, frequencyHz)) / pcm.length;
    }

    /**
     * The frequency with the most energy, between 20 Hz and just below half the sample rate, to about 1 Hz.
     * The signal is cut into 100 ms blocks whose Goertzel powers are summed (so gaps or phase jumps in a
     * received tone do not matter); a scan every 10 Hz is refined by a 1 Hz scan around the best. 0 for
     * silence.
     */
    public static double dominantFrequency(short[] pcm, int sampleRate) {
        requireRate(sampleRate);
        if (pcm.length == 0 || rms(pcm) == 0) {
            return 0;
        }
        double best = 0;
        double bestPower = -1;
        int top = sampleRate / 2 - COARSE_STEP_HZ;
        for (int f = 20; f <= top; f += COARSE_STEP_HZ) {
            double p = blockPower(pcm, sampleRate, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        double refined = best;
        for (double f = best - COARSE_STEP_HZ; f <= best + COARSE_STEP_HZ; f += 1) {
            if (f <= 0 || f >= sampleRate / 2.0) {
                continue;
            }
            double p = blockPower(pcm, sampleRate, f);
            if (p > bestPower) {
                bestPower = p;
                refined = f;
            }
        }
        return refined;
    }

    /** Total length of the 10 ms windows whose RMS is at least {@link #DEFAULT_SILENCE_RMS}. */
    public static Duration activeDuration(short[] pcm, int sampleRate) {
        return activeDuration(pcm, sampleRate, DEFAULT_SILENCE_RMS);
    }

    /** Total length of the 10 ms windows whose RMS is at least {@code thresholdRms}. */
    public static Duration activeDuration(short[] pcm, int sampleRate, double thresholdRms) {
        requireRate(sampleRate);
        int window = Math.max(1, sampleRate / 100);
        long activeSamples = 0;
        for (int from = 0; from < pcm.length; from += window) {
            int to = Math.min(pcm.length, from + window);
            if (rms(pcm, from, to) >= thresholdRms) {
                activeSamples += to - from;
            }
        }
        return Duration.ofNanos(activeSamples * 1_000_000_000L / sampleRate);
    }

    private static double blockPower(short[] pcm, int sampleRate, double frequencyHz) {
        int block = Math.max(1, sampleRate / 10);
        double sum = 0;
        for (int from = 0; from < pcm.length; from += block) {
            sum += goertzelPower(pcm, from, Math.min(pcm.length, from + block), sampleRate, frequencyHz);
        }
        return sum;
    }

    /** Goertzel power |X(f)|² of the whole array at any (not necessarily bin-centred) frequency. */
    static double goertzelPower(short[] pcm, int sampleRate, double frequencyHz) {
        return goertzelPower(pcm, 0, pcm.length, sampleRate, frequencyHz);
    }

    private static double goertzelPower(short[] pcm, int from, int to, int sampleRate, double frequencyHz) {
        double coeff = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = pcm[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    private static void requireRate(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }
}
