package org.cusax.sip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;

/** Test checks on what a call recorded: the tone that was played arrived, found by analysis (not by timing). */
public final class CallAudio {
    private static final double TOLERANCE_HZ = 20;
    private static final double AUDIBLE_RMS = 1000.0;

    private CallAudio() {
    }

    /** The recording is a {@code hz} tone (±20 Hz), clearly audible, and heard for longer than {@code heard}. */
    public static void assertToneRecorded(Path wav, double hz, Duration heard) throws IOException {
        short[] pcm = WavFileSource.readAll(wav);
        assertTone(pcm, hz);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isGreaterThan(heard);
    }

    /** The last second of the recording is a {@code hz} tone (±20 Hz), clearly audible. */
    public static void assertLastSecondIsTone(Path wav, double hz) throws IOException {
        short[] pcm = WavFileSource.readAll(wav);
        assertThat(pcm.length).isGreaterThan(Pcm.SAMPLE_RATE);
        assertTone(Arrays.copyOfRange(pcm, pcm.length - Pcm.SAMPLE_RATE, pcm.length), hz);
    }

    private static void assertTone(short[] pcm, double hz) {
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(hz - TOLERANCE_HZ,
                hz + TOLERANCE_HZ);
        assertThat(SignalAnalysis.rms(pcm)).isGreaterThan(AUDIBLE_RMS);
    }
}
