package org.cusax.media.device;

import java.util.List;
import java.util.Locale;

import org.cusax.core.audio.AudioDevice;
import org.cusax.core.audio.AudioDirection;

/**
 * Which device a configured name means: among the devices of the right direction, the one named exactly
 * (case-insensitive), else the only one whose name contains it. None or several is an error that lists the
 * devices, so the user can correct {@code audio.input} / {@code audio.output}.
 */
final class DeviceChoice {
    private DeviceChoice() {
    }

    static AudioDevice pick(List<AudioDevice> devices, String wanted, AudioDirection direction)
            throws DeviceUnavailableException {
        List<AudioDevice> usable = devices.stream()
                .filter(d -> direction == AudioDirection.INPUT ? d.input() : d.output()).toList();
        List<AudioDevice> exact = usable.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).toList();
        String part = wanted.toLowerCase(Locale.ROOT);
        List<AudioDevice> matches = !exact.isEmpty() ? exact
                : usable.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(part)).toList();
        if (matches.isEmpty()) {
            throw new DeviceUnavailableException("no " + what(direction) + " matches '" + wanted + "'"
                    + (usable.isEmpty() ? ": the sound system offers none" : " (there are: " + names(usable) + ")"));
        }
        if (matches.size() > 1) {
            throw new DeviceUnavailableException("'" + wanted + "' matches several " + what(direction) + "s: "
                    + names(matches) + "; name one of them");
        }
        return matches.get(0);
    }

    static String what(AudioDirection direction) {
        return direction == AudioDirection.INPUT ? "microphone" : "speaker";
    }

    private static String names(List<AudioDevice> devices) {
        return String.join(", ", devices.stream().map(AudioDevice::name).toList());
    }
}
