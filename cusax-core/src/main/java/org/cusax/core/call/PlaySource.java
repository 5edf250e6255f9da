package org.cusax.core.call;

import java.nio.file.Path;
import java.util.Objects;

/** What we send into a call, in core terms; the media adapter turns it into an audio source. */
public sealed interface PlaySource {
    /** Silence (comfort for a listener). */
    record Silence() implements PlaySource {
    }

    /** A sine tone of {@code hertz}, e.g. 1000 Hz, until the call ends. */
    record Tone(double hertz) implements PlaySource {
        public Tone {
            if (!(hertz > 0 && hertz < 4000)) {
                throw new IllegalArgumentException("tone frequency must be between 0 and 4000 Hz: " + hertz);
            }
        }
    }

    /**
     * The microphone: a capture device, {@code default} for the sound system's default or a device's name
     * (or a case-insensitive part of it). When it cannot be opened the call sends silence and an
     * {@code audio-device-failed} event says why.
     */
    record Microphone(String device) implements PlaySource {
        public Microphone {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("a microphone needs a device name (or default)");
            }
        }
    }

    /** A WAV file (PCM, 8 kHz mono preferred), then silence. */
    record WavFile(Path path) implements PlaySource {
        public WavFile {
            Objects.requireNonNull(path, "path");
        }
    }
}
