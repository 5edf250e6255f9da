package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.app.assembly.ClientFactory;
import org.cusax.core.audio.AudioDevice;
import org.cusax.core.audio.AudioDirection;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.AudioDevicesPort;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live audio from the command line: which plan a call gets, --input/--output, audio-devices, the device event. */
class LiveAudioCliTest {
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "cusax.test",
            "SCRAM-SHA-1");
    private static final AudioDevice DEFAULT = new AudioDevice("default [default]", "Direct Audio Device", true, true);
    private static final AudioDevice HDMI = new AudioDevice("HDMI [plughw:0,3]", "HDMI output", false, true);

    @TempDir
    Path dir;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private List<AudioDevice> devices = List.of();
    private FakeTelephonyPort telephony;
    private boolean deviceFails;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("cusax.conf");
        Files.writeString(config, "sip.aor = sip:alice@cusax.test\nsip.password = spw\n");
    }

    private int run(String... args) {
        ClientFactory factory = new ClientFactory() {
            @Override
            public CusaxClient create(ClientConfig cfg) {
                telephony = new FakeTelephonyPort().whenStarted(p -> {
                    p.register(TLS);
                    p.whenCallPlaced(r -> {
                        if (deviceFails) {
                            p.callbacks().onAudioDeviceFailed(r.callId(), AudioDirection.INPUT, "default",
                                    "no sound device: the sound system offers no microphone");
                        }
                        p.endCall(r.callId(), EndReason.fromStatus(486, "Busy Here"));
                    });
                });
                return new CusaxClient(cfg.link(), Optional.empty(), Optional.of(telephony), new EventBus(),
                        new ContactBook(new AddressNormalizer("US")), cfg.contacts().telPreference());
            }

            @Override
            public AudioDevicesPort audioDevices() {
                return () -> devices;
            }
        };
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new CusaxCli(factory, Map.of(), dir, ps, ps).execute(args);
    }

    private AudioPlan placedPlan() {
        return telephony.placedCalls().get(0).audio();
    }

    @Test
    void aCallWithoutToneFileOrRecordingIsLiveOnTheConfiguredDevices() throws Exception {
        Files.writeString(config, "audio.input = Headset\n", java.nio.file.StandardOpenOption.APPEND);
        run("call", "-c", config.toString(), "sip:bob@cusax.test");
        assertThat(placedPlan().play()).isEqualTo(new PlaySource.Microphone("Headset"));
        assertThat(placedPlan().speaker()).contains("default");
    }

    @Test
    void inputAndOutputOptionsOverrideTheConfig() {
        run("call", "-c", config.toString(), "--input", "none", "--output", "HDMI", "sip:bob@cusax.test");
        assertThat(placedPlan().play()).isEqualTo(new PlaySource.Silence());
        assertThat(placedPlan().speaker()).contains("HDMI");
    }

    @Test
    void toneFileAndRecordingStayScriptedWithoutDevices() {
        run("call", "-c", config.toString(), "--tone", "1000", "sip:bob@cusax.test");
        assertThat(placedPlan().play()).isEqualTo(new PlaySource.Tone(1000));
        assertThat(placedPlan().usesDevices()).isFalse();
        run("call", "-c", config.toString(), "--record", dir.resolve("r.wav").toString(), "sip:bob@cusax.test");
        assertThat(placedPlan().play()).isEqualTo(new PlaySource.Silence());
        assertThat(placedPlan().usesDevices()).isFalse();
    }

    @Test
    void aDeviceThatCannotBeOpenedIsPrintedAsAnEvent() throws Exception {
        deviceFails = true;
        run("call", "-c", config.toString(), "--json", "sip:bob@cusax.test");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode failed = null;
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode n = mapper.readTree(line);
            if (n.get("type").asText().equals("audio-device-failed")) {
                failed = n;
            }
        }
        assertThat(failed).as("output: %s", out).isNotNull();
        assertThat(failed.get("callId").asText()).isEqualTo(telephony.placedCalls().get(0).callId());
        assertThat(failed.get("direction").asText()).isEqualTo("input");
        assertThat(failed.get("device").asText()).isEqualTo("default");
        assertThat(failed.get("reason").asText()).contains("no microphone");
    }

    @Test
    void audioDevicesListsNamesAndDirections() throws Exception {
        devices = List.of(DEFAULT, HDMI);
        assertThat(run("audio-devices", "--json")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).as("one JSON object").hasSize(1);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("devices")).hasSize(2);
        assertThat(json.at("/devices/1/name").asText()).isEqualTo("HDMI [plughw:0,3]");
        assertThat(json.at("/devices/1/input").asBoolean()).isFalse();
        assertThat(json.at("/devices/1/output").asBoolean()).isTrue();
        out.reset();
        assertThat(run("audio-devices")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("default [default]").contains("HDMI output");
    }

    @Test
    void noSoundSystemIsSaidPlainly() {
        assertThat(run("audio-devices")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no sound devices");
        out.reset();
        assertThat(run("audio-devices", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audio.input");
    }
}
