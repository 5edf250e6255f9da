package org.cusax.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audio.input / audio.output: default, none, or a device name; what a live call then plays and hears. */
class AudioSettingsTest {
    @TempDir
    Path dir;

    private ClientConfig load(String extra) {
        return new ClientConfigLoader(Map.of("CUSAX_SIP_PASSWORD", "s"), dir).load(ConfigFile.parse("test.conf",
                "sip.aor = sip:alice@cusax.test\n" + extra));
    }

    @Test
    void theDefaultDevicesByDefault() {
        AudioSettings audio = load("").audio();
        assertThat(audio).isEqualTo(AudioSettings.defaults());
        AudioPlan plan = audio.livePlan();
        assertThat(plan.play()).isEqualTo(new PlaySource.Microphone("default"));
        assertThat(plan.speaker()).contains("default");
        assertThat(plan.record()).isEmpty();
        assertThat(plan.usesDevices()).isTrue();
    }

    @Test
    void noneMeansSilenceOutAndNothingPlayed() {
        AudioSettings audio = load("audio.input = None\naudio.output = none\n").audio();
        AudioPlan plan = audio.livePlan();
        assertThat(plan.play()).isEqualTo(new PlaySource.Silence());
        assertThat(plan.speaker()).isEmpty();
        assertThat(plan.usesDevices()).isFalse();
    }

    @Test
    void aDeviceNameIsKeptAsWrittenAndOptionsOverrideIt() {
        AudioSettings audio = load("audio.input = USB Headset\naudio.output = HDMI\n").audio();
        assertThat(audio.livePlan().play()).isEqualTo(new PlaySource.Microphone("USB Headset"));
        AudioSettings overridden = audio.overriding(null, "none");
        assertThat(overridden.input()).isEqualTo("USB Headset");
        assertThat(overridden.livePlan().speaker()).isEmpty();
    }

    @Test
    void anEmptyDeviceIsAClearError() {
        assertThatThrownBy(() -> load("audio.input =\n")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("audio.input").hasMessageContaining("audio-devices");
    }
}
