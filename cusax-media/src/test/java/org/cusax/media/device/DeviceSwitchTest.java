package org.cusax.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.NullSink;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.ToneSource;
import org.junit.jupiter.api.Test;

/**
 * Switching a live call's microphone or speaker (issue 11, "in a call: audio device"): the call's source and
 * sink stay the same objects for the RTP session; the old device's line is closed, the new one used, and the
 * frames the old device held but had not moved yet go to the new one first — every frame before and after the
 * switch is counted, none is lost.
 */
class DeviceSwitchTest {
    private final List<String> failures = new ArrayList<>();
    private final DeviceFailureListener listener = (direction, device, reason) ->
            failures.add(direction.token() + " " + device + ": " + reason);

    /** {@code frames} frames of 20 ms, frame i holding the value {@code first + i} in every sample. */
    private static byte[] numberedFrames(int first, int frames) {
        byte[] bytes = new byte[frames * Pcm.FRAME_SAMPLES * 2];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < Pcm.FRAME_SAMPLES; i++) {
                int at = (f * Pcm.FRAME_SAMPLES + i) * 2;
                bytes[at] = (byte) (first + f);
                bytes[at + 1] = (byte) ((first + f) >> 8);
            }
        }
        return bytes;
    }

    private static short[] frame(int value) {
        short[] f = Pcm.silentFrame();
        Arrays.fill(f, (short) value);
        return f;
    }

    private static List<Integer> read(SwitchingSource source, int frames) {
        List<Integer> values = new ArrayList<>();
        short[] frame = Pcm.silentFrame();
        for (int i = 0; i < frames; i++) {
            assertThat(source.read(frame)).as("the call's source never ends on a switch").isTrue();
            assertThat(frame).as("a whole frame of one value").containsOnly(frame[0]);
            values.add((int) frame[0]);
        }
        return values;
    }

    @Test
    void aMicrophoneSwitchSendsEveryCapturedFrameOldDeviceFirst() {
        var lineA = new FakeLines.Capture(PcmConversion.CALL, numberedFrames(1, 6), n -> 320);
        var lineB = new FakeLines.Capture(PcmConversion.CALL, numberedFrames(101, 4), n -> 320);
        MicrophoneSource headset = new MicrophoneSource("Headset", () -> lineA, listener, 10);
        MicrophoneSource usb = new MicrophoneSource("USB", () -> lineB, listener, 10);
        SwitchingSource call = new SwitchingSource(headset);
        headset.capture();

        List<Integer> before = read(call, 2);
        call.switchTo(usb);
        usb.capture();
        List<Integer> after = read(call, 8);

        assertThat(before).containsExactly(1, 2);
        assertThat(after).as("the headset's 4 unsent frames, then the USB microphone's 4")
                .containsExactly(3, 4, 5, 6, 101, 102, 103, 104);
        assertThat(lineA.closed).as("the old line is released").isTrue();
        assertThat(headset.closed()).isTrue();
        assertThat(headset.queued()).isZero();
        assertThat(read(call, 1)).as("nothing more captured: silence").containsExactly(0);
    }

    @Test
    void aSpeakerSwitchPlaysEveryReceivedFrameOnTheNewDevice() {
        int frameBytes = Pcm.FRAME_SAMPLES * 2;
        var lineA = new FakeLines.Playback(PcmConversion.CALL, frameBytes * 2);
        var lineB = new FakeLines.Playback(PcmConversion.CALL, frameBytes * 5);
        SpeakerSink speakers = new SpeakerSink("Speakers", () -> lineA, listener, 10);
        SpeakerSink headset = new SpeakerSink("Headset", () -> lineB, listener, 10);
        lineA.whenFull = () -> { };
        lineB.whenFull = headset::close;
        SwitchingSink call = new SwitchingSink(speakers);
        for (int v = 1; v <= 5; v++) {
            call.write(frame(v));
        }
        speakerPlaysTwoFrames(speakers, lineA);

        call.switchTo(headset);
        for (int v = 6; v <= 8; v++) {
            call.write(frame(v));
        }
        headset.play();

        assertThat(values(lineA.played())).as("before the switch").containsExactly(1, 2);
        assertThat(values(lineB.played())).as("after it: what was still queued, then what arrived")
                .containsExactly(3, 4, 5, 6, 7);
        assertThat(lineA.closed).as("the old line is released").isTrue();
        assertThat(speakers.closed()).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void switchingFromAToneToAMicrophoneAndFromNoSpeakerToOneClosesWhatWasUsed() throws Exception {
        var closedSources = new ArrayList<String>();
        ToneSource tone = new ToneSource(1000, 8000, null);
        SwitchingSource source = new SwitchingSource(new org.cusax.media.audio.AudioSource() {
            @Override
            public boolean read(short[] frame) {
                return tone.read(frame);
            }

            @Override
            public void close() {
                closedSources.add("tone");
            }
        });
        var line = new FakeLines.Capture(PcmConversion.CALL, numberedFrames(7, 3), n -> 320);
        MicrophoneSource mic = new MicrophoneSource("default", () -> line, listener, 10);
        source.switchTo(mic);
        mic.capture();
        assertThat(closedSources).containsExactly("tone");
        assertThat(read(source, 3)).containsExactly(7, 8, 9);

        var played = new ArrayList<Integer>();
        AudioSink recorder = frame -> played.add((int) frame[0]);
        SwitchingSink sink = new SwitchingSink(new NullSink());
        sink.write(frame(1));
        sink.switchTo(recorder);
        sink.write(frame(2));
        sink.close();
        sink.switchTo(frame -> played.add(-1));
        sink.write(frame(3));
        assertThat(played).as("a switch after the call's end changes nothing").containsExactly(2, 3);

        source.close();
        assertThat(line.closed).isTrue();
    }

    /** Runs the speaker's device work until its line took two frames, on this thread. */
    private static void speakerPlaysTwoFrames(SpeakerSink speaker, FakeLines.Playback line) {
        line.whenFull = speaker::close;
        speaker.play();
    }

    private static List<Integer> values(byte[] played) {
        short[] pcm = FakeLines.firstChannel(played, 1);
        List<Integer> values = new ArrayList<>();
        for (int at = 0; at + Pcm.FRAME_SAMPLES <= pcm.length; at += Pcm.FRAME_SAMPLES) {
            short[] f = Arrays.copyOfRange(pcm, at, at + Pcm.FRAME_SAMPLES);
            assertThat(f).containsOnly(f[0]);
            values.add((int) f[0]);
        }
        return values;
    }
}
