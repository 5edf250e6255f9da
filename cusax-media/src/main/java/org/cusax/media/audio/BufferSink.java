package org.cusax.media.audio;

import java.util.Arrays;

/** Keeps everything written, in memory, for analysis. Thread-safe. */
public final class BufferSink implements AudioSink {
    private short[] samples = new short[Pcm.SAMPLE_RATE];
    private int length;

    @Override
    public synchronized void write(short[] frame) {
        Pcm.requireFrame(frame);
        if (length + frame.length > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + frame.length));
        }
        System.arraycopy(frame, 0, samples, length, frame.length);
        length += frame.length;
    }

    /** A copy of all samples written so far. */
    public synchronized short[] samples() {
        return Arrays.copyOf(samples, length);
    }
}
