package org.cusax.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Goertzel tone detection, RMS energy and active duration on synthetic signals. */
class SignalAnalysisTest {

    private static short[] sine(double hz, int amplitude, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / Pcm.SAMPLE_RATE));
        }
        return out;
    }

    @Test
    void rmsOfASineIsAmplitudeOverRootTwo() {
        assertThat(SignalAnalysis.rms(sine(1000, 10_000, 8000))).isCloseTo(7071.0, offset(5.0));
        assertThat(SignalAnalysis.rms(new short[0])).isZero();
    }

    @Test
    void dominantFrequencyFindsTheStrongerOfTwoTones() {
        short[] a = sine(697, 4000, 8000);
        short[] b = sine(1477, 9000, 8000);
        short[] mix = new short[8000];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) (a[i] + b[i]);
        }
        assertThat(SignalAnalysis.dominantFrequency(mix, Pcm.SAMPLE_RATE)).isCloseTo(1477.0, offset(1.0));
        assertThat(SignalAnalysis.toneAmplitude(mix, Pcm.SAMPLE_RATE, 697)).isCloseTo(4000.0, offset(100.0));
    }

    @Test
    void dominantFrequencyIsExactOffTheCoarseGrid() {
        assertThat(SignalAnalysis.dominantFrequency(sine(1003, 5000, 4000), Pcm.SAMPLE_RATE)).isCloseTo(1003.0,
                offset(1.0));
    }

    @Test
    void silenceHasNoFrequencyAndNoActiveTime() {
        short[] silence = new short[8000];
        assertThat(SignalAnalysis.dominantFrequency(silence, Pcm.SAMPLE_RATE)).isZero();
        assertThat(SignalAnalysis.activeDuration(silence, Pcm.SAMPLE_RATE)).isEqualTo(Duration.ZERO);
    }

    @Test
    void activeDurationCountsOnlyTheLoudWindows() {
        short[] pcm = new short[16_000];
        System.arraycopy(sine(1000, 3000, 4000), 0, pcm, 4000, 4000);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isEqualTo(Duration.ofMillis(500));
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE, 5000)).isEqualTo(Duration.ZERO);
    }
}
