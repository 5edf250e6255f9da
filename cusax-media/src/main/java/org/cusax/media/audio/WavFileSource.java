package org.cusax.media.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a WAV file (any rate, mono or stereo, PCM 8/16-bit, µ-law or A-law) as 8 kHz mono 16-bit frames.
 * Resampling and down-mixing are done by Java Sound's own format converters. A file whose data is shorter
 * than its header claims simply ends early; a damaged header is rejected with {@link AudioFormatException}.
 */
public final class WavFileSource implements AudioSource {
    /** The format every source delivers. */
    public static final AudioFormat TARGET = new AudioFormat(Pcm.SAMPLE_RATE, 16, 1, true, false);
    private static final Logger LOG = LoggerFactory.getLogger(WavFileSource.class);

    private final Path file;
    private final AudioInputStream stream;
    private final byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];
    private boolean exhausted;

    private WavFileSource(Path file, AudioInputStream stream) {
        this.file = file;
        this.stream = stream;
    }

    /** Opens {@code file} and sets up the conversion to 8 kHz mono 16-bit. */
    public static WavFileSource open(Path file) throws IOException {
        return new WavFileSource(file, openConverted(file));
    }

    /** Reads a whole file as 8 kHz mono samples (for tests and analysis). */
    public static short[] readAll(Path file) throws IOException {
        try (AudioInputStream in = openConverted(file)) {
            byte[] data = in.readAllBytes();
            short[] out = new short[data.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            }
            return out;
        }
    }

    private static AudioInputStream openConverted(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new AudioFormatException("no such audio file: " + file);
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        AudioInputStream source;
        try {
            source = AudioSystem.getAudioInputStream(raw);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            raw.close();
            throw new AudioFormatException("not a readable WAV file: " + file.getFileName()
                    + " (" + e.getMessage() + ")", e);
        }
        AudioFormat from = source.getFormat();
        if (matches(from)) {
            return source;
        }
        try {
            AudioInputStream pcm = source;
            if (from.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || from.getSampleSizeInBits() != 16) {
                AudioFormat linear = new AudioFormat(from.getSampleRate(), 16, from.getChannels(), true, false);
                pcm = AudioSystem.getAudioInputStream(linear, source);
            }
            return AudioSystem.getAudioInputStream(TARGET, pcm);
        } catch (IllegalArgumentException e) {
            source.close();
            throw new AudioFormatException("cannot convert " + file.getFileName() + " from " + from
                    + " to 8 kHz mono 16-bit", e);
        }
    }

    private static boolean matches(AudioFormat f) {
        return f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && f.getSampleRate() == Pcm.SAMPLE_RATE
                && f.getSampleSizeInBits() == 16 && f.getChannels() == 1 && !f.isBigEndian();
    }

    @Override
    public boolean read(short[] frame) {
        Pcm.requireFrame(frame);
        Arrays.fill(frame, (short) 0);
        if (exhausted) {
            return false;
        }
        int filled = 0;
        try {
            while (filled < bytes.length) {
                int n = stream.read(bytes, filled, bytes.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (IOException e) {
            LOG.warn("reading {} failed, treating it as the end of the file: {}", file.getFileName(), e.getMessage());
        }
        if (filled < bytes.length) {
            exhausted = true;
        }
        for (int i = 0; i < filled / 2; i++) {
            frame[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return filled >= 2;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
