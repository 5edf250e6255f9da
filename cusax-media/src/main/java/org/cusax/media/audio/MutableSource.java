package org.cusax.media.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * A source that can be muted: while muted it still reads its source (so a microphone's queue does not fill
 * with stale audio to be sent on unmute) but hands out silence. Mute from any thread.
 */
public final class MutableSource implements AudioSource {
    private final AudioSource source;
    private volatile boolean muted;

    public MutableSource(AudioSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public void mute(boolean mute) {
        this.muted = mute;
    }

    public boolean isMuted() {
        return muted;
    }

    @Override
    public boolean read(short[] frame) {
        boolean more = source.read(frame);
        if (muted) {
            Arrays.fill(frame, (short) 0);
        }
        return more;
    }

    @Override
    public void close() {
        source.close();
    }
}
