package org.cusax.media.audio;

/** Discards everything (a call leg nobody listens to). */
public final class NullSink implements AudioSink {
    @Override
    public void write(short[] frame) {
        Pcm.requireFrame(frame);
    }
}
