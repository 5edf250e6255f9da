package org.cusax.media.codec;

/**
 * Packet-loss concealment for a codec without one of its own (G.711), after the outline of ITU-T G.711
 * Appendix I: the last pitch period heard (5–15 ms, found by autocorrelation over the last 20 ms) is repeated in
 * place of what was lost, at full level for the first 10 ms, then fading by a fifth every 10 ms, to silence
 * after 60 ms; the first frame received after a loss is cross-faded from the repetition over a quarter of the
 * period, so neither end of the gap clicks. Fed with every frame played; one instance per receiving stream.
 * Not thread-safe (the playing tick owns it).
 */
public final class PitchConcealment {
    /** Shortest and longest pitch period searched: 5 ms (200 Hz) and 15 ms (66 Hz) at 8 kHz. */
    static final int MIN_PERIOD = 40;
    static final int MAX_PERIOD = 120;
    /** The stretch of history whose pitch is sought (20 ms). */
    private static final int WINDOW = 160;
    private static final int HISTORY = WINDOW + MAX_PERIOD;
    /** Full level for the first 10 ms of a loss, then 20 % less every 10 ms: silent after 60 ms. */
    private static final int FULL = 80;
    private static final int FADE_STEP = 80;
    public static final int LONGEST = FULL + 5 * FADE_STEP;

    private final short[] history = new short[HISTORY];
    private int filled;
    private int period;
    private int phase;
    private int concealed;

    /** A frame that was received and is played: what a later loss repeats, and the end of a loss. */
    public void played(short[] samples) {
        if (concealed > 0 && period > 0) {
            crossFade(samples);
        }
        concealed = 0;
        remember(samples);
    }

    /** {@code count} samples standing in for lost ones: the last pitch period again, fading; then silence. */
    public short[] conceal(int count) {
        short[] out = new short[count];
        if (concealed == 0) {
            period = filled < HISTORY ? 0 : pitchPeriod();
            phase = 0;
        }
        for (int i = 0; i < count; i++, concealed++) {
            if (period == 0 || concealed >= LONGEST) {
                break;
            }
            out[i] = (short) Math.round(next() * gain(concealed));
        }
        return out;
    }

    /** Samples concealed since the last frame received (0 when none is being concealed). */
    public int concealedSamples() {
        return concealed;
    }

    /** The next sample of the repeated period (the last {@code period} samples of what was heard). */
    private short next() {
        short s = history[HISTORY - period + phase];
        phase = (phase + 1) % period;
        return s;
    }

    private static double gain(int at) {
        return at < FULL ? 1.0 : Math.max(0.0, 1.0 - 0.2 * (at - FULL + 1) / FADE_STEP);
    }

    /** The first quarter period of a frame after a loss goes from the repetition over to what was received. */
    private void crossFade(short[] samples) {
        int n = Math.min(period / 4, samples.length);
        double level = concealed >= LONGEST ? 0.0 : gain(concealed);
        for (int i = 0; i < n; i++) {
            double w = (i + 1) / (double) (n + 1);
            samples[i] = (short) Math.round((1 - w) * next() * level + w * samples[i]);
        }
    }

    /** The lag in [5, 15] ms at which the last 20 ms best matches itself (normalized cross-correlation). */
    private int pitchPeriod() {
        int best = MIN_PERIOD;
        double bestScore = Double.NEGATIVE_INFINITY;
        int start = HISTORY - WINDOW;
        for (int lag = MIN_PERIOD; lag <= MAX_PERIOD; lag++) {
            double corr = 0;
            double energy = 0;
            for (int i = start; i < HISTORY; i++) {
                double past = history[i - lag];
                corr += history[i] * past;
                energy += past * past;
            }
            double score = energy == 0 ? 0 : corr / Math.sqrt(energy);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private void remember(short[] samples) {
        int n = Math.min(samples.length, HISTORY);
        System.arraycopy(history, n, history, 0, HISTORY - n);
        System.arraycopy(samples, samples.length - n, history, HISTORY - n, n);
        filled = Math.min(HISTORY, filled + n);
    }
}
