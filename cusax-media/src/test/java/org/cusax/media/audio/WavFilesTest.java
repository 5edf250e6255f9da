package org.cusax.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV (RIFF PCM) writing and reading, resampling and down-mixing, and damaged files. */
class WavFilesTest {
    @TempDir
    Path dir;

    @Test
    void sinkWritesACorrectHeaderAndTheSamples() throws Exception {
        Path file = dir.resolve("tone.wav");
        short[] written = ToneSourceTest.record(ToneSource.endless(1000, 9000), 25);
        try (WavFileSink sink = WavFileSink.create(file)) {
            for (int i = 0; i < 25; i++) {
                sink.write(Arrays.copyOfRange(written, i * 160, (i + 1) * 160));
            }
        }
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.capacity()).isEqualTo(44 + 8000);
        assertThat(h.getInt(4)).isEqualTo(36 + 8000);
        assertThat(h.getShort(22)).isEqualTo((short) 1);
        assertThat(h.getInt(24)).isEqualTo(8000);
        assertThat(h.getInt(40)).isEqualTo(8000);
        AudioFormat f = AudioSystem.getAudioFileFormat(file.toFile()).getFormat();
        assertThat(f.getSampleRate()).isEqualTo(8000f);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(WavFileSource.readAll(file)).containsExactly(written);
    }

    @Test
    void aMediaThreadInterruptedWhileRecordingLosesNoSamples() throws Exception {
        // A call's end interrupts its media thread (RtpSession.close: shutdownNow) while it may be writing a frame.
        // Through an NIO channel that interrupt closed the file for good: the tail was lost and the header kept its
        // placeholder size, so the recording read back as empty. Here every write happens with the flag set.
        Path file = dir.resolve("interrupted.wav");
        short[] written = ToneSourceTest.record(ToneSource.endless(440, 9000), 60); // > 2 buffers of 8 KiB
        Thread.currentThread().interrupt();
        try (WavFileSink sink = WavFileSink.create(file)) {
            for (int i = 0; i < 60; i++) {
                sink.write(Arrays.copyOfRange(written, i * 160, (i + 1) * 160));
                Thread.currentThread().interrupt();
            }
        } finally {
            assertThat(Thread.interrupted()).as("the flag was still set (and is cleared here)").isTrue();
        }
        assertThat(WavFileSource.readAll(file)).containsExactly(written);
    }

    @Test
    void aRecordingIsReadableByItsOwnerOnlyAlsoWhenItReplacesAFile() throws Exception {
        Path fresh = dir.resolve("fresh.wav");
        try (WavFileSink sink = WavFileSink.create(fresh)) {
            sink.write(new short[160]);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");

        Path old = Files.writeString(dir.resolve("old.wav"), "readable by all");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        try (WavFileSink sink = WavFileSink.create(old)) {
            sink.write(new short[160]);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
        assertThat(Files.size(old)).isEqualTo(44 + 320);
    }

    @Test
    void sourcePlaysAFileFrameByFrameThenEnds() throws Exception {
        Path file = dir.resolve("short.wav");
        try (WavFileSink sink = WavFileSink.create(file)) {
            short[] frame = Pcm.silentFrame();
            Arrays.fill(frame, (short) 1234);
            sink.write(frame);
            sink.write(frame);
        }
        try (WavFileSource source = WavFileSource.open(file)) {
            short[] frame = Pcm.silentFrame();
            assertThat(source.read(frame)).isTrue();
            assertThat(frame).containsOnly((short) 1234);
            assertThat(source.read(frame)).isTrue();
            assertThat(source.read(frame)).isFalse();
            assertThat(frame).containsOnly((short) 0);
        }
    }

    @Test
    void stereo44kFileIsResampledAndDownmixedTo8kMono() throws Exception {
        Path file = write(dir.resolve("cd.wav"), 44_100, 2, 1000, 1.0);
        short[] pcm = WavFileSource.readAll(file);
        assertThat(pcm.length).isCloseTo(8000, offset(20));
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isCloseTo(1000.0, offset(5.0));
        assertThat(SignalAnalysis.rms(pcm)).isGreaterThan(3000);
    }

    @Test
    void wideband16kFileIsResampled() throws Exception {
        Path file = write(dir.resolve("wb.wav"), 16_000, 1, 700, 0.5);
        short[] pcm = WavFileSource.readAll(file);
        assertThat(pcm.length).isCloseTo(4000, offset(20));
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isCloseTo(700.0, offset(5.0));
    }

    @Test
    void truncatedDataEndsEarlyWithoutError() throws Exception {
        Path file = write(dir.resolve("cut.wav"), 8000, 1, 500, 1.0);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut-half.wav");
        Files.write(cut, Arrays.copyOf(all, 44 + 8000));
        assertThat(WavFileSource.readAll(cut)).hasSize(4000);
        try (WavFileSource source = WavFileSource.open(cut)) {
            short[] frame = Pcm.silentFrame();
            int frames = 0;
            while (source.read(frame)) {
                frames++;
            }
            assertThat(frames).isEqualTo(25);
        }
    }

    @Test
    void damagedOrMissingFilesGiveClearErrors() throws Exception {
        Path file = write(dir.resolve("ok.wav"), 8000, 1, 500, 0.1);
        Path header = dir.resolve("header.wav");
        Files.write(header, Arrays.copyOf(Files.readAllBytes(file), 20));
        Path text = dir.resolve("text.wav");
        Files.writeString(text, "this is not audio at all, just some text in a file");
        assertThatThrownBy(() -> WavFileSource.open(header)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("header.wav");
        assertThatThrownBy(() -> WavFileSource.open(text)).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("not a readable WAV file");
        assertThatThrownBy(() -> WavFileSource.open(dir.resolve("absent.wav"))).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("no such audio file");
    }

    static Path write(Path file, int rate, int channels, double hz, double seconds) throws Exception {
        int frames = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                b.putShort(s);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), format, frames),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
