package org.cusax.media.device;

import java.io.ByteArrayOutputStream;
import java.util.function.IntUnaryOperator;

import javax.sound.sampled.AudioFormat;

/** Capture and playback lines without a sound system, for the device logic's unit tests. */
final class FakeLines {
    private FakeLines() {
    }

    /** 16-bit little-endian PCM of a sine of {@code hz}, every channel alike. */
    static byte[] tone(float rate, int channels, double hz, double seconds, int amplitude) {
        int frames = (int) (rate * seconds);
        byte[] bytes = new byte[frames * channels * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                bytes[at] = (byte) s;
                bytes[at + 1] = (byte) (s >> 8);
            }
        }
        return bytes;
    }

    /** The first channel of 16-bit little-endian PCM. */
    static short[] firstChannel(byte[] bytes, int channels) {
        short[] out = new short[bytes.length / 2 / channels];
        for (int i = 0; i < out.length; i++) {
            int at = i * channels * 2;
            out[i] = (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8));
        }
        return out;
    }

    /** Serves {@code data} in chunks of {@code chunk(n)} bytes (n = read number), then the end (-1). */
    static final class Capture implements CaptureLine {
        private final AudioFormat format;
        private final byte[] data;
        private final IntUnaryOperator chunk;
        private int position;
        private int reads;
        volatile boolean closed;

        Capture(AudioFormat format, byte[] data, IntUnaryOperator chunk) {
            this.format = format;
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (closed || position >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk.applyAsInt(reads++)), data.length - position);
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Collects what is played; after {@code limit} bytes it runs {@code whenFull} (e.g. closing the sink). */
    static final class Playback implements PlaybackLine {
        private final AudioFormat format;
        private final int limit;
        private final ByteArrayOutputStream played = new ByteArrayOutputStream();
        Runnable whenFull = () -> { };
        volatile boolean closed;

        Playback(AudioFormat format, int limit) {
            this.format = format;
            this.limit = limit;
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            int n = Math.min(length, limit - played.size());
            played.write(buffer, offset, n);
            if (played.size() >= limit) {
                whenFull.run();
            }
        }

        byte[] played() {
            return played.toByteArray();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
