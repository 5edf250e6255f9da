package org.cusax.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tone generator: frequency, amplitude, length in frames, continuous phase. */
class ToneSourceTest {

    @Test
    void oneSecondToneIsFiftyFramesThenExhausted() {
        ToneSource tone = new ToneSource(1000, 10_000, Duration.ofSeconds(1));
        short[] frame = Pcm.silentFrame();
        int frames = 0;
        while (tone.read(frame)) {
            frames++;
            assertThat(frames).isLessThanOrEqualTo(50);
        }
        assertThat(frames).isEqualTo(50);
        assertThat(tone.isFinished()).isTrue();
        assertThat(frame).containsOnly((short) 0);
    }

    @Test
    void producesTheRequestedFrequencyAndAmplitude() {
        short[] pcm = record(ToneSource.endless(440, 8000), 50);
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isCloseTo(440.0, offset(1.0));
        assertThat(SignalAnalysis.toneAmplitude(pcm, Pcm.SAMPLE_RATE, 440)).isCloseTo(8000.0, offset(80.0));
        assertThat(SignalAnalysis.rms(pcm)).isCloseTo(8000 / Math.sqrt(2), offset(30.0));
    }

    @Test
    void phaseIsContinuousAcrossFrames() {
        short[] pcm = record(ToneSource.endless(1000, 10_000), 3);
        double maxStep = 2 * Math.PI * 1000 / Pcm.SAMPLE_RATE * 10_000 + 1;
        for (int i = 1; i < pcm.length; i++) {
            assertThat((double) Math.abs(pcm[i] - pcm[i - 1])).isLessThanOrEqualTo(maxStep);
        }
    }

    @Test
    void rejectsImpossibleTones() {
        assertThatThrownBy(() -> ToneSource.endless(4000, 100)).hasMessageContaining("frequency");
        assertThatThrownBy(() -> ToneSource.endless(1000, 40_000)).hasMessageContaining("amplitude");
        assertThatThrownBy(() -> new ToneSource(1000, 100, Duration.ZERO)).hasMessageContaining("duration");
        assertThatThrownBy(() -> ToneSource.endless(1000, 100).read(new short[10])).hasMessageContaining("160");
    }

    static short[] record(AudioSource source, int frames) {
        BufferSink sink = new BufferSink();
        short[] frame = Pcm.silentFrame();
        for (int i = 0; i < frames; i++) {
            source.read(frame);
            sink.write(frame);
        }
        return sink.samples();
    }
}
