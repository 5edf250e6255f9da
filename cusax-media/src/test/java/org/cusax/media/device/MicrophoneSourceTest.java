package org.cusax.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;

import org.cusax.core.audio.AudioDirection;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.junit.jupiter.api.Test;

/** The microphone source on fake capture lines: framing, resampling, a device that cannot be opened. */
class MicrophoneSourceTest {
    private final List<String> failures = new ArrayList<>();
    private final DeviceFailureListener listener = (direction, device, reason) ->
            failures.add(direction.token() + " " + device + ": " + reason);

    @Test
    void cutsWhateverTheDeviceDeliversInto20msFramesInOrder() {
        byte[] ramp = new byte[Pcm.FRAME_SAMPLES * 5 * 2];
        for (int i = 0; i < ramp.length / 2; i++) {
            ramp[2 * i] = (byte) i;
            ramp[2 * i + 1] = (byte) (i >> 8);
        }
        int[] chunks = {6, 14, 202, 2, 318, 96};
        var line = new FakeLines.Capture(PcmConversion.CALL, ramp, n -> chunks[n % chunks.length]);
        MicrophoneSource source = new MicrophoneSource("default", () -> line, listener, 10);

        source.capture();

        short[] frame = Pcm.silentFrame();
        for (int f = 0; f < 5; f++) {
            assertThat(source.read(frame)).isTrue();
            for (int i = 0; i < frame.length; i++) {
                assertThat(frame[i]).as("frame %d sample %d", f, i).isEqualTo((short) (f * Pcm.FRAME_SAMPLES + i));
            }
        }
        source.read(frame);
        assertThat(frame).as("nothing more captured: silence").containsOnly((short) 0);
        assertThat(line.closed).isTrue();
        assertThat(failures).singleElement().asString().startsWith("input default: ").contains("stopped");
    }

    @Test
    void a48kHzStereoDeviceIsResampledTo8kHzMono() {
        AudioFormat device = new AudioFormat(48000, 16, 2, true, false);
        var line = new FakeLines.Capture(device, FakeLines.tone(48000, 2, 1000, 1.0, 8000), n -> 1920);
        MicrophoneSource source = new MicrophoneSource("USB", () -> line, listener, 60);

        source.capture();

        assertThat(source.queued()).as("1 s = 50 frames of 20 ms").isBetween(48, 50);
        short[] all = new short[source.queued() * Pcm.FRAME_SAMPLES];
        short[] frame = Pcm.silentFrame();
        for (int at = 0; at < all.length; at += frame.length) {
            source.read(frame);
            System.arraycopy(frame, 0, all, at, frame.length);
        }
        assertThat(SignalAnalysis.dominantFrequency(all, Pcm.SAMPLE_RATE)).isCloseTo(1000, org.assertj.core.data.Offset.offset(20.0));
        assertThat(SignalAnalysis.rms(all)).as("level kept (a sine of 8000 has RMS 5657)").isBetween(4500.0, 6500.0);
    }

    @Test
    void aDeviceThatCannotBeOpenedIsReportedAndSilenceIsSent() {
        MicrophoneSource source = new MicrophoneSource("Headset", () -> {
            throw new DeviceUnavailableException("no microphone matches 'Headset'");
        }, listener, 10);

        source.capture();

        short[] frame = new short[Pcm.FRAME_SAMPLES];
        frame[3] = 42;
        assertThat(source.read(frame)).as("the call goes on").isTrue();
        assertThat(frame).containsOnly((short) 0);
        assertThat(failures).containsExactly("input Headset: no microphone matches 'Headset'");
    }

    @Test
    void closedBeforeTheDeviceOpenedReleasesItAtOnce() {
        var line = new FakeLines.Capture(PcmConversion.CALL, new byte[3200], n -> 320);
        MicrophoneSource source = new MicrophoneSource("default", () -> line, listener, 10);
        source.close();

        source.capture();

        assertThat(line.closed).isTrue();
        assertThat(source.queued()).isZero();
        assertThat(failures).isEmpty();
        assertThat(AudioDirection.INPUT.token()).isEqualTo("input");
    }
}
