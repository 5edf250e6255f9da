package org.cusax.media.audio;

import java.util.Arrays;

/** Endless silence. */
public final class SilenceSource implements AudioSource {
    @Override
    public boolean read(short[] frame) {
        Pcm.requireFrame(frame);
        Arrays.fill(frame, (short) 0);
        return true;
    }
}
