package org.cusax.core.port;

import java.util.List;

import org.cusax.core.audio.AudioDevice;

/** The machine's sound devices (the media adapter asks the sound system). Never throws: no sound system = empty. */
@FunctionalInterface
public interface AudioDevicesPort {
    /** The devices that can capture or play call audio now, in the sound system's order. */
    List<AudioDevice> list();

    /** A machine without sound devices (servers, tests). */
    static AudioDevicesPort none() {
        return List::of;
    }
}
