package org.cusax.core.audio;

import java.util.Locale;

/** Which way audio flows through a device: from the microphone into the call, or from the call to the speaker. */
public enum AudioDirection {
    /** A capture device (microphone): what we send. */
    INPUT,
    /** A playback device (speaker, headset): what we hear. */
    OUTPUT;

    /** The lower-case token used in config, JSON and human output ({@code input}, {@code output}). */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
