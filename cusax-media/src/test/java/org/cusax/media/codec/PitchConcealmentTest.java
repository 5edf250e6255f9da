package org.cusax.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Packet-loss concealment after ITU-T G.711 Appendix I in outline: the last pitch period repeated (found by
 * autocorrelation), full level for 10 ms, fading by a fifth every 10 ms, silent after 60 ms; the first frame
 * after a loss cross-faded in; nothing to repeat before anything was heard.
 */
class PitchConcealmentTest {
    private static final int AMPLITUDE = 8000;

    /** Samples {@code from} .. {@code from + count - 1} of a sine of {@code hz}. */
    private static short[] sine(double hz, int from, int count) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * (from + i) / Pcm.SAMPLE_RATE));
        }
        return out;
    }

    /** A concealer that has heard {@code frames} frames of the sine. */
    private static PitchConcealment heard(double hz, int frames) {
        PitchConcealment plc = new PitchConcealment();
        for (int f = 0; f < frames; f++) {
            plc.played(sine(hz, f * Pcm.FRAME_SAMPLES, Pcm.FRAME_SAMPLES));
        }
        return plc;
    }

    @Test
    void aLostFrameOfA1kHzToneContinuesItSampleForSampleForTheFirst10Ms() {
        PitchConcealment plc = heard(1000, 3);
        short[] concealed = plc.conceal(Pcm.FRAME_SAMPLES);
        short[] expected = sine(1000, 3 * Pcm.FRAME_SAMPLES, Pcm.FRAME_SAMPLES);
        assertThat(Arrays.copyOf(concealed, 80)).as("full level for 10 ms: the tone goes on")
                .containsExactly(Arrays.copyOf(expected, 80));
        for (int i = 80; i < Pcm.FRAME_SAMPLES; i++) {
            assertThat(Math.abs(concealed[i])).as("fading after 10 ms").isLessThanOrEqualTo(Math.abs(expected[i]));
        }
        assertThat(SignalAnalysis.dominantFrequency(concealed, Pcm.SAMPLE_RATE)).isCloseTo(1000, within(5.0));
        assertThat(plc.concealedSamples()).isEqualTo(Pcm.FRAME_SAMPLES);
    }

    @Test
    void aVoicePitchThatIsNoWholeNumberOfSamplesIsFoundAndRepeated() {
        double hz = 150; // 53.3 samples
        PitchConcealment plc = heard(hz, 3);
        short[] concealed = plc.conceal(80);
        assertThat(SignalAnalysis.dominantFrequency(concealed, Pcm.SAMPLE_RATE)).isCloseTo(hz, within(15.0));
        assertThat(SignalAnalysis.rms(concealed)).as("at full level: the sine's RMS, A/√2")
                .isCloseTo(AMPLITUDE / Math.sqrt(2), within(AMPLITUDE * 0.15));
    }

    @Test
    void aLongLossFadesFrameByFrameToSilenceAfter60Ms() {
        PitchConcealment plc = heard(1000, 3);
        double[] rms = new double[4];
        for (int f = 0; f < 4; f++) {
            rms[f] = SignalAnalysis.rms(plc.conceal(Pcm.FRAME_SAMPLES));
        }
        assertThat(rms[0]).isGreaterThan(rms[1]);
        assertThat(rms[1]).isGreaterThan(rms[2]);
        assertThat(rms[2]).isPositive();
        assertThat(rms[3]).as("after 60 ms: silence").isZero();
        assertThat(plc.concealedSamples()).isEqualTo(PitchConcealment.LONGEST);
    }

    @Test
    void theFrameAfterALossIsCrossFadedFromTheRepetition() {
        PitchConcealment plc = heard(1000, 3);
        short[] concealed = plc.conceal(Pcm.FRAME_SAMPLES);
        // the peer's next frame is the tone a quarter period out of phase: played raw, it would jump
        short[] next = sine(1000, 4 * Pcm.FRAME_SAMPLES + 2, Pcm.FRAME_SAMPLES);
        short[] raw = next.clone();
        plc.played(next);
        int fade = PitchConcealment.MAX_PERIOD / 4; // a quarter of the period found, at most
        assertThat(Math.abs(next[0] - concealed[Pcm.FRAME_SAMPLES - 1]))
                .as("the first sample is near where the concealment was going")
                .isLessThan(Math.abs(raw[0] - concealed[Pcm.FRAME_SAMPLES - 1]));
        assertThat(Arrays.copyOfRange(next, fade, Pcm.FRAME_SAMPLES)).as("after the fade, what was received")
                .containsExactly(Arrays.copyOfRange(raw, fade, Pcm.FRAME_SAMPLES));
        assertThat(plc.concealedSamples()).isZero();
    }

    @Test
    void withNothingHeardYetALossIsSilence() {
        PitchConcealment plc = new PitchConcealment();
        plc.played(sine(1000, 0, 100)); // less than the pitch search needs
        assertThat(plc.conceal(Pcm.FRAME_SAMPLES)).containsOnly((short) 0);
    }
}
