package org.cusax.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sound.sampled.AudioFormat;

import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.ToneSource;
import org.junit.jupiter.api.Test;

/** The speaker sink on fake playback lines: order, underrun → silence, resampling, a device that cannot be opened. */
class SpeakerSinkTest {
    private final List<String> failures = new ArrayList<>();
    private final DeviceFailureListener listener = (direction, device, reason) ->
            failures.add(direction.token() + " " + device + ": " + reason);

    private static short[] frame(int value) {
        short[] f = Pcm.silentFrame();
        Arrays.fill(f, (short) value);
        return f;
    }

    @Test
    void playsFramesInOrderThenSilenceWhenNothingArrives() {
        int frameBytes = Pcm.FRAME_SAMPLES * 2;
        var line = new FakeLines.Playback(PcmConversion.CALL, frameBytes * 6);
        SpeakerSink sink = new SpeakerSink("default", () -> line, listener, 10);
        line.whenFull = sink::close;
        sink.write(frame(100));
        sink.write(frame(200));
        sink.write(frame(300));

        sink.play();

        short[] played = FakeLines.firstChannel(line.played(), 1);
        assertThat(played).hasSize(Pcm.FRAME_SAMPLES * 6);
        for (int f = 0; f < 6; f++) {
            short expected = (short) (f < 3 ? 100 * (f + 1) : 0);
            assertThat(Arrays.copyOfRange(played, f * Pcm.FRAME_SAMPLES, (f + 1) * Pcm.FRAME_SAMPLES))
                    .as("frame %d", f).containsOnly(expected);
        }
        assertThat(sink.underruns()).as("the device never starved: silence filled the gap").isEqualTo(1);
        assertThat(line.closed).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void a44kHzStereoDeviceHearsTheToneResampled() {
        AudioFormat device = new AudioFormat(44100, 16, 2, true, false);
        var line = new FakeLines.Playback(device, 44100 * 4); // 1 s
        SpeakerSink sink = new SpeakerSink("default", () -> line, listener, 30);
        line.whenFull = sink::close;
        ToneSource tone = new ToneSource(1000, 8000, null);
        short[] frame = Pcm.silentFrame();
        for (int i = 0; i < 25; i++) { // 0.5 s
            tone.read(frame);
            sink.write(frame);
        }

        sink.play();

        short[] left = FakeLines.firstChannel(line.played(), 2);
        assertThat(left).hasSize(44100);
        short[] toneHalf = Arrays.copyOfRange(left, 2205, 19845); // 50..450 ms
        short[] silentHalf = Arrays.copyOfRange(left, 24255, 44100); // 550..1000 ms
        assertThat(SignalAnalysis.dominantFrequency(toneHalf, 44100)).isCloseTo(1000,
                org.assertj.core.data.Offset.offset(20.0));
        assertThat(SignalAnalysis.rms(toneHalf)).isBetween(4500.0, 6500.0);
        assertThat(SignalAnalysis.rms(silentHalf)).as("underrun: silence, not noise or a repeated frame").isLessThan(50);
    }

    @Test
    void aDeviceThatCannotBeOpenedIsReportedAndFramesAreDiscarded() {
        SpeakerSink sink = new SpeakerSink("HDMI", () -> {
            throw new DeviceUnavailableException("cannot open the speaker 'HDMI': busy");
        }, listener, 10);

        sink.play();
        sink.write(frame(5));
        sink.close();
        sink.write(frame(6));

        assertThat(failures).containsExactly("output HDMI: cannot open the speaker 'HDMI': busy");
    }
}
