package org.cusax.media.device;

import java.io.IOException;

import javax.sound.sampled.AudioFormat;

/** An open capture device (microphone), as the capture thread needs it; Java Sound's or a test's fake. */
public interface CaptureLine extends DeviceLine {
    /** The format the device delivers (any rate, 8/16-bit PCM, mono or stereo). */
    AudioFormat format();

    /** Reads up to {@code length} bytes, blocking until some are captured; -1 once closed. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Stops capturing and releases the device; a blocked read returns. */
    @Override
    void close();
}
