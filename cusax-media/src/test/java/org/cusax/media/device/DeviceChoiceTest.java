package org.cusax.media.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cusax.core.audio.AudioDevice;
import org.cusax.core.audio.AudioDirection;
import org.junit.jupiter.api.Test;

/** audio.input / audio.output by name: exact first, else one unique part; errors list the devices. */
class DeviceChoiceTest {
    private static final AudioDevice DEFAULT = new AudioDevice("default [default]", "", true, true);
    private static final AudioDevice USB = new AudioDevice("USB Headset [plughw:1,0]", "", true, true);
    private static final AudioDevice HDMI = new AudioDevice("HDMI 0 [plughw:0,3]", "", false, true);
    private static final AudioDevice HDMI1 = new AudioDevice("HDMI 1 [plughw:0,7]", "", false, true);
    private static final List<AudioDevice> ALL = List.of(DEFAULT, USB, HDMI, HDMI1);

    @Test
    void anExactNameWinsOverParts() throws Exception {
        assertThat(DeviceChoice.pick(ALL, "hdmi 0 [PLUGHW:0,3]", AudioDirection.OUTPUT)).isEqualTo(HDMI);
    }

    @Test
    void aUniquePartIsEnough() throws Exception {
        assertThat(DeviceChoice.pick(ALL, "usb", AudioDirection.INPUT)).isEqualTo(USB);
        assertThat(DeviceChoice.pick(ALL, "0,7", AudioDirection.OUTPUT)).isEqualTo(HDMI1);
    }

    @Test
    void onlyDevicesOfTheDirectionCount() {
        assertThatThrownBy(() -> DeviceChoice.pick(ALL, "HDMI 0", AudioDirection.INPUT))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessage("no microphone matches 'HDMI 0' (there are: default [default], USB Headset [plughw:1,0])");
    }

    @Test
    void anAmbiguousPartIsRefusedWithTheCandidates() {
        assertThatThrownBy(() -> DeviceChoice.pick(ALL, "hdmi", AudioDirection.OUTPUT))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessage("'hdmi' matches several speakers: HDMI 0 [plughw:0,3], HDMI 1 [plughw:0,7]; name one of them");
    }

    @Test
    void noDevicesAtAll() {
        assertThatThrownBy(() -> DeviceChoice.pick(List.of(), "USB", AudioDirection.OUTPUT))
                .hasMessage("no speaker matches 'USB': the sound system offers none");
    }
}
