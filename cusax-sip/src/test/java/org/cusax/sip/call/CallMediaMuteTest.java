package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.cusax.core.testing.Eventually;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mute: a muted call keeps sending RTP (RFC 3550 §6.3.5 style inactivity checks at the far end stay quiet)
 * but the audio is silence; unmuting brings the sound back without a re-INVITE.
 */
class CallMediaMuteTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aMutedCallSendsSilenceAndKeepsSending() throws Exception {
        Path heard = dir.resolve("heard.wav");
        try (CallMedia caller = CallMedia.open(LOCAL, false, d -> { });
             CallMedia callee = CallMedia.open(LOCAL, false, d -> { })) {
            caller.acceptAnswer(callee.answer(caller.offer()));
            callee.start(new AudioPlan(new PlaySource.Silence(), Optional.of(heard)));
            caller.start(new AudioPlan(new PlaySource.Tone(1000), Optional.empty()));
            LongSupplier received = () -> callee.statistics().rtpPacketsReceived();

            awaitGrowth("tone before mute", received, 50);
            caller.mute(true);
            assertThat(caller.isMuted()).isTrue();
            awaitGrowth("packets while muted (silence is still sent)", received, 75);
            caller.mute(false);
            awaitGrowth("tone after unmute", received, 50);
        }
        short[] pcm = WavFileSource.readAll(heard);
        String frames = activity(pcm);
        assertThat(frames).as("per 20 ms frame: tone, a muted stretch, tone again")
                .matches("\\.*#{25,}\\.{50,}#{25,}\\.*");
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(980.0, 1020.0);
    }

    @Test
    void muteBeforeTheMediaStartsIsKept() throws Exception {
        Path heard = dir.resolve("heard.wav");
        try (CallMedia caller = CallMedia.open(LOCAL, false, d -> { });
             CallMedia callee = CallMedia.open(LOCAL, false, d -> { })) {
            caller.mute(true);
            caller.acceptAnswer(callee.answer(caller.offer()));
            callee.start(new AudioPlan(new PlaySource.Silence(), Optional.of(heard)));
            caller.start(new AudioPlan(new PlaySource.Tone(1000), Optional.empty()));
            awaitGrowth("packets of a muted call", () -> callee.statistics().rtpPacketsReceived(), 50);
        }
        short[] pcm = WavFileSource.readAll(heard);
        assertThat(pcm.length).isGreaterThan(Pcm.FRAME_SAMPLES * 25);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isZero();
    }

    private static String activity(short[] pcm) {
        StringBuilder sb = new StringBuilder();
        for (int at = 0; at + Pcm.FRAME_SAMPLES <= pcm.length; at += Pcm.FRAME_SAMPLES) {
            sb.append(SignalAnalysis.rms(java.util.Arrays.copyOfRange(pcm, at, at + Pcm.FRAME_SAMPLES))
                    >= SignalAnalysis.DEFAULT_SILENCE_RMS ? '#' : '.');
        }
        return sb.toString();
    }

    private static void awaitGrowth(String what, LongSupplier counter, long by) {
        long start = counter.getAsLong();
        if (!Eventually.holds(() -> counter.getAsLong() >= start + by, WAIT)) {
            throw new AssertionError(what + ": did not grow by " + by + " within " + WAIT);
        }
    }
}
