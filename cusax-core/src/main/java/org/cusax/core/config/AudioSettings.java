package org.cusax.core.config;

import java.util.Locale;

import org.cusax.core.call.AudioPlan;

/**
 * Which sound devices calls use when no file or tone is asked for ({@code audio.input}, {@code audio.output}).
 * Each is {@value #DEFAULT} (the sound system's default device), {@value #NONE} (no device: we send silence,
 * or what arrives is not played), or a device's name or a case-insensitive part of it.
 */
public record AudioSettings(String input, String output) {
    public static final String DEFAULT = "default";
    public static final String NONE = "none";

    public AudioSettings {
        input = normalize(input, "audio.input");
        output = normalize(output, "audio.output");
    }

    private static String normalize(String device, String key) {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException(key + " is empty: use default, none or a device name");
        }
        String d = device.strip();
        String lower = d.toLowerCase(Locale.ROOT);
        return lower.equals(DEFAULT) || lower.equals(NONE) ? lower : d;
    }

    /** Both default devices. */
    public static AudioSettings defaults() {
        return new AudioSettings(DEFAULT, DEFAULT);
    }

    /** These settings with the devices the user named for one call (null = keep the configured one). */
    public AudioSettings overriding(String inputDevice, String outputDevice) {
        return new AudioSettings(inputDevice == null ? input : inputDevice, outputDevice == null ? output : outputDevice);
    }

    /** A live call's audio: the microphone (or silence for none) and the speaker (or nothing for none). */
    public AudioPlan livePlan() {
        return AudioPlan.live(input.equals(NONE) ? null : input, output.equals(NONE) ? null : output);
    }
}
