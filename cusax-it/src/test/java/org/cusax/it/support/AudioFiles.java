package org.cusax.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.ToneSource;
import org.cusax.media.audio.WavFileSink;

/** Known signals as WAV files (8 kHz, 16-bit mono) for peers to play. */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** A sine of {@code hz} at a third of full scale, {@code length} long. */
    public static Path tone(Path file, double hz, Duration length) throws IOException {
        try (ToneSource tone = new ToneSource(hz, 10_000, length); WavFileSink sink = WavFileSink.create(file)) {
            short[] frame = new short[Pcm.FRAME_SAMPLES];
            while (tone.read(frame)) {
                sink.write(frame);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return file;
    }

    /** A sine of {@code hz} as raw G.711 mu-law bytes (no header), {@code length} long: sipp's rtp_stream input. */
    public static Path ulawTone(Path file, double hz, Duration length) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ToneSource tone = new ToneSource(hz, 10_000, length)) {
            short[] frame = new short[Pcm.FRAME_SAMPLES];
            while (tone.read(frame)) {
                for (short s : frame) {
                    out.write(org.cusax.media.codec.G711.linearToUlaw(s));
                }
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        return java.nio.file.Files.write(file, out.toByteArray());
    }
}
