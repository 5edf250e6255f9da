package org.cusax.core.call;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The audio of one call: what to play and where (if anywhere) to record what the far end sends.
 *
 * @param play   what we send
 * @param record a WAV file to write what we receive, or empty to discard it
 */
public record AudioPlan(PlaySource play, Optional<Path> record) {
    public AudioPlan {
        Objects.requireNonNull(play, "play");
        Objects.requireNonNull(record, "record");
    }

    /** Send silence, discard what arrives. */
    public static AudioPlan silent() {
        return new AudioPlan(new PlaySource.Silence(), Optional.empty());
    }

    public AudioPlan recordingTo(Path wav) {
        return new AudioPlan(play, Optional.of(wav));
    }

    public AudioPlan playing(PlaySource source) {
        return new AudioPlan(source, record);
    }
}
