package org.cusax.media.device;

import javax.sound.sampled.AudioFormat;

/** What capture and playback lines have in common: a format and a close that throws nothing. */
public interface DeviceLine extends AutoCloseable {
    /** The device's format. */
    AudioFormat format();

    /** Releases the device; a blocked read or write returns. */
    @Override
    void close();
}
