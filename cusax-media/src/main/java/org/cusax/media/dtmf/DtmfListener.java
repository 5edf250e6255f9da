package org.cusax.media.dtmf;

/** Told of each DTMF digit received, once per key press. Called on a media thread: return quickly. */
@FunctionalInterface
public interface DtmfListener {
    void onDigit(char digit);
}
