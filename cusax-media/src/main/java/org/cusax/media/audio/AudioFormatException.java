package org.cusax.media.audio;

import java.io.IOException;

/** An audio file that cannot be used: not a WAV file, a truncated header, or a format that cannot be converted. */
public final class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public AudioFormatException(String message) {
        super(message);
    }

    public AudioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
