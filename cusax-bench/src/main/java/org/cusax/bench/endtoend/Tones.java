package org.cusax.bench.endtoend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.ToneSource;
import org.cusax.media.audio.WavFileSink;
import org.cusax.media.codec.G711;

/** The audio the peers send: a sine as WAV (cusax --play, baresip) and as raw mu-law (sipp rtp_stream). */
final class Tones {
    private Tones() {
    }

    static Path wav(Path file, double hz, Duration length) throws IOException {
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

    static Path ulaw(Path file, double hz, Duration length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToneSource tone = new ToneSource(hz, 10_000, length)) {
            short[] frame = new short[Pcm.FRAME_SAMPLES];
            while (tone.read(frame)) {
                for (short s : frame) {
                    out.write(G711.linearToUlaw(s));
                }
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        return Files.write(file, out.toByteArray());
    }
}
