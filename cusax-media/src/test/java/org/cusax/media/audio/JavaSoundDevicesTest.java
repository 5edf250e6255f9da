package org.cusax.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Devices are optional: on a headless server the answers are "absent", never an exception. */
class JavaSoundDevicesTest {

    @Test
    void absentDevicesAreReportedAsEmpty() throws Exception {
        var capture = JavaSoundDevices.openCapture();
        var playback = JavaSoundDevices.openPlayback();
        if (!JavaSoundDevices.hasCapture()) {
            assertThat(capture).isEmpty();
        }
        if (!JavaSoundDevices.hasPlayback()) {
            assertThat(playback).isEmpty();
        }
        if (capture.isPresent()) {
            short[] frame = Pcm.silentFrame();
            assertThat(capture.get().read(frame)).isTrue();
            capture.get().close();
        }
        if (playback.isPresent()) {
            playback.get().write(Pcm.silentFrame());
            playback.get().close();
        }
    }
}
