package org.cusax.media.audio;

import java.io.IOException;

/** Consumes audio one 20 ms frame at a time ({@link Pcm#FRAME_SAMPLES} samples of 8 kHz 16-bit mono). */
public interface AudioSink extends AutoCloseable {

    /** Takes one frame; the sink must copy it if it keeps it. */
    void write(short[] frame);

    /** Flushes and releases the sink (a WAV sink writes its final header here). */
    @Override
    default void close() throws IOException {
    }
}
