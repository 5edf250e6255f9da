package org.cusax.media.audio;

/** The one PCM format used between sources, codecs and sinks: 8 kHz, 16-bit signed, mono, 20 ms frames. */
public final class Pcm {
    /** Samples per second. */
    public static final int SAMPLE_RATE = 8000;
    /** Length of one frame in milliseconds. */
    public static final int FRAME_MILLIS = 20;
    /** Samples in one 20 ms frame (160). */
    public static final int FRAME_SAMPLES = SAMPLE_RATE * FRAME_MILLIS / 1000;

    private Pcm() {
    }

    /** A new frame of silence. */
    public static short[] silentFrame() {
        return new short[FRAME_SAMPLES];
    }

    /** Checks that {@code frame} is exactly one frame long. */
    public static void requireFrame(short[] frame) {
        if (frame == null || frame.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame has " + FRAME_SAMPLES + " samples, got "
                    + (frame == null ? "null" : frame.length));
        }
    }
}
