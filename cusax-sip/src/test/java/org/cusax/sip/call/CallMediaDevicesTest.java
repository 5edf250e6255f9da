package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.cusax.core.testing.Eventually;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live plan in a session without sound devices: both devices are reported, the call runs on silence. */
class CallMediaDevicesTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void withoutDevicesBothDirectionsAreReportedAndSilenceIsSent() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        Path heard = dir.resolve("heard.wav");
        try (CallMedia caller = CallMedia.open(LOCAL, false, d -> { }, Optional.empty(),
                (direction, device, reason) -> failures.add(direction.token() + " " + device + ": " + reason));
             CallMedia callee = CallMedia.open(LOCAL, false, d -> { })) {
            caller.acceptAnswer(callee.answer(caller.offer()));
            callee.start(new AudioPlan(new PlaySource.Silence(), Optional.of(heard)));
            caller.start(AudioPlan.live("default", "Headset"));
            assertThat(failures).containsExactly("input default: no sound devices in this session",
                    "output Headset: no sound devices in this session");
            Eventually.holds(() -> callee.statistics().rtpPacketsReceived() >= 25, java.time.Duration.ofSeconds(10));
            assertThat(callee.statistics().rtpPacketsReceived()).as("the call goes on").isGreaterThanOrEqualTo(25);
        }
        short[] pcm = WavFileSource.readAll(heard);
        assertThat(pcm.length).isGreaterThan(Pcm.FRAME_SAMPLES * 10);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isZero();
    }
}
