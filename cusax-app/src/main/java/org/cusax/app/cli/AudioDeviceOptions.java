package org.cusax.app.cli;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.config.AudioSettings;

import picocli.CommandLine.Option;

/** {@code --input} / {@code --output}: the sound devices of one live call, over {@code audio.input} / {@code audio.output}. */
final class AudioDeviceOptions {
    @Option(names = "--input", paramLabel = "DEVICE",
            description = "Microphone for a live call: default, none or a device name (see audio-devices); "
                    + "default: audio.input.")
    String input;

    @Option(names = "--output", paramLabel = "DEVICE",
            description = "Speaker for a live call: default, none or a device name (see audio-devices); "
                    + "default: audio.output.")
    String output;

    /** The configured devices, overridden by the options. */
    AudioSettings settings(AudioSettings configured) {
        return configured.overriding(input, output);
    }

    /** The live plan: the configured devices, overridden by the options. */
    AudioPlan livePlan(AudioSettings configured) {
        return configured.overriding(input, output).livePlan();
    }
}
