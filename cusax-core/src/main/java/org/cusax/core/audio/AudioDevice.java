package org.cusax.core.audio;

import java.util.Objects;

/**
 * One sound device of the machine as the user chooses it in {@code audio.input} / {@code audio.output}.
 *
 * @param name        the name to configure (also matched as a case-insensitive substring)
 * @param description what the sound system says about it (driver, card)
 * @param input       it can capture (a microphone), in a format calls can use
 * @param output      it can play (a speaker), in a format calls can use
 */
public record AudioDevice(String name, String description, boolean input, boolean output) {
    public AudioDevice {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
