package org.cusax.core.call;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The audio of one call: what to play, where (if anywhere) to record what the far end sends, and the
 * sound device (if any) that plays it to the user.
 *
 * @param play    what we send
 * @param record  a WAV file to write what we receive, or empty
 * @param speaker the playback device for what we receive ({@code default}, a device name or part of it), or empty
 */
public record AudioPlan(PlaySource play, Optional<Path> record, Optional<String> speaker) {
    public AudioPlan {
        Objects.requireNonNull(play, "play");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(speaker, "speaker");
    }

    /** Plays {@code play}, records to {@code record} if present, and plays nothing to a speaker. */
    public AudioPlan(PlaySource play, Optional<Path> record) {
        this(play, record, Optional.empty());
    }

    /** Send silence, discard what arrives. */
    public static AudioPlan silent() {
        return new AudioPlan(new PlaySource.Silence(), Optional.empty());
    }

    /**
     * A live call: the microphone {@code input} (null = send silence) and the speaker {@code output}
     * (null = do not play what arrives).
     */
    public static AudioPlan live(String input, String output) {
        return new AudioPlan(input == null ? new PlaySource.Silence() : new PlaySource.Microphone(input),
                Optional.empty(), Optional.ofNullable(output));
    }

    public AudioPlan recordingTo(Path wav) {
        return new AudioPlan(play, Optional.of(wav), speaker);
    }

    public AudioPlan playing(PlaySource source) {
        return new AudioPlan(source, record, speaker);
    }

    /** True when a sound device is involved (microphone or speaker). */
    public boolean usesDevices() {
        return play instanceof PlaySource.Microphone || speaker.isPresent();
    }
}
