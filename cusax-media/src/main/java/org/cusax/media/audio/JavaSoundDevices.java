package org.cusax.media.audio;

import java.util.Arrays;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's microphone and speaker through Java Sound, when it has them. A server has none: every
 * method then answers "absent" instead of failing, so callers fall back to files, tones or silence.
 * Neither side ever blocks the media thread: capture returns silence until a full frame is buffered,
 * playback drops a frame when the device buffer is full.
 */
public final class JavaSoundDevices {
    private static final Logger LOG = LoggerFactory.getLogger(JavaSoundDevices.class);
    private static final DataLine.Info CAPTURE = new DataLine.Info(TargetDataLine.class, WavFileSource.TARGET);
    private static final DataLine.Info PLAYBACK = new DataLine.Info(SourceDataLine.class, WavFileSource.TARGET);

    private JavaSoundDevices() {
    }

    /** True if some mixer offers 8 kHz mono 16-bit capture. */
    public static boolean hasCapture() {
        return supported(CAPTURE);
    }

    /** True if some mixer offers 8 kHz mono 16-bit playback. */
    public static boolean hasPlayback() {
        return supported(PLAYBACK);
    }

    private static boolean supported(DataLine.Info info) {
        try {
            return AudioSystem.getMixerInfo().length > 0 && AudioSystem.isLineSupported(info);
        } catch (RuntimeException e) {
            LOG.debug("Java Sound unusable: {}", e.toString());
            return false;
        }
    }

    /** The default microphone, or empty when there is none or it is busy. */
    public static Optional<AudioSource> openCapture() {
        if (!hasCapture()) {
            return Optional.empty();
        }
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(CAPTURE);
            line.open(WavFileSource.TARGET, Pcm.FRAME_SAMPLES * 2 * 10);
            line.start();
            return Optional.of(new CaptureSource(line));
        } catch (LineUnavailableException | RuntimeException e) {
            LOG.info("no microphone available: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The default speaker, or empty when there is none or it is busy. */
    public static Optional<AudioSink> openPlayback() {
        if (!hasPlayback()) {
            return Optional.empty();
        }
        try {
            SourceDataLine line = (SourceDataLine) AudioSystem.getLine(PLAYBACK);
            line.open(WavFileSource.TARGET, Pcm.FRAME_SAMPLES * 2 * 10);
            line.start();
            return Optional.of(new PlaybackSink(line));
        } catch (LineUnavailableException | RuntimeException e) {
            LOG.info("no speaker available: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static final class CaptureSource implements AudioSource {
        private final TargetDataLine line;
        private final byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];

        CaptureSource(TargetDataLine line) {
            this.line = line;
        }

        @Override
        public boolean read(short[] frame) {
            Pcm.requireFrame(frame);
            Arrays.fill(frame, (short) 0);
            if (line.available() >= bytes.length && line.read(bytes, 0, bytes.length) == bytes.length) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
                }
            }
            return true;
        }

        @Override
        public void close() {
            line.stop();
            line.close();
        }
    }

    private static final class PlaybackSink implements AudioSink {
        private final SourceDataLine line;
        private final byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];

        PlaybackSink(SourceDataLine line) {
            this.line = line;
        }

        @Override
        public void write(short[] frame) {
            Pcm.requireFrame(frame);
            if (line.available() < bytes.length) {
                return;
            }
            for (int i = 0; i < frame.length; i++) {
                bytes[2 * i] = (byte) frame[i];
                bytes[2 * i + 1] = (byte) (frame[i] >> 8);
            }
            line.write(bytes, 0, bytes.length);
        }

        @Override
        public void close() {
            line.drain();
            line.close();
        }
    }
}
