package org.cusax.media.device;

import java.io.IOException;

import javax.sound.sampled.AudioFormat;

/** An open playback device (speaker), as the playback thread needs it; Java Sound's or a test's fake. */
public interface PlaybackLine extends DeviceLine {
    /** The format the device plays. */
    AudioFormat format();

    /** Plays {@code length} bytes, blocking while the device's buffer is full (this paces the playback thread). */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** Stops playing and releases the device; a blocked write returns. */
    @Override
    void close();
}
