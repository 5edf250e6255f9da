package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.Await;
import org.cusax.it.support.CliProcess;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.audio.PulseAudioServer;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.netns.IsolatedTestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "in a call: audio device": a live call moves to another microphone and speaker while it runs
 * ({@code cusax call-audio-device}, the daemon's {@code call-audio-device} command) and keeps flowing. baresip
 * (RFC 3261 UA through real Kamailio) calls the daemon, which answers live on the PulseAudio of the test (null
 * sinks, see {@link LiveAudioIT}). The switch goes from Java Sound's default device to the named mixer
 * ({@code default [default]}): PulseAudio shows the old capture and playback streams closed and new ones open,
 * while the call stays the same SIP dialog (baresip sees one call, no re-INVITE needed), our speaker keeps
 * playing baresip's tone and a second tone fed to the microphone only after the switch reaches baresip. A name
 * that matches no device is refused and changes nothing.
 */
class CallAudioSwitchIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final double FIRST_TONE = 1000;
    private static final double AFTER_SWITCH_TONE = 1500;
    private static final double BARESIP_TONE = 600;
    private static final String MIC_MONITOR = PulseAudioServer.MICROPHONE + ".monitor";

    @RegisterExtension
    static final IsolatedTestbedExtension TB = new IsolatedTestbedExtension(
            TestbedOptions.defaults().withProsody(false));

    @TempDir
    Path dir;

    private int commands;

    @Test
    void aLiveCallMovesToOtherDevicesAndKeepsFlowing() throws Exception {
        TestUser alice = TB.testbed().createUser("aliceswitch");
        TestUser bob = TB.testbed().createUser("bobswitch");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        Files.writeString(conf, "\ndaemon.state-dir = " + dir.resolve("state") + "\n", StandardOpenOption.APPEND);
        Path speaker = dir.resolve("speaker.wav");
        try (PulseAudioServer pulse = PulseAudioServer.start(Files.createDirectories(dir.resolve("pulse")));
             CliProcess serve = CliProcess.start(TB.host(), dir, "serve", List.of("serve", "--json", "-c",
                     conf.toString()), pulse.clientEnvironment());
             BaresipUa b = baresip(bob)) {
            serve.await("daemon-started", STARTUP);
            assertThat(TB.testbed().kamailio().awaitRegistered(alice.name(), STARTUP)).isTrue();
            pulse.play(AudioFiles.tone(dir.resolve("first-tone.wav"), FIRST_TONE, Duration.ofSeconds(60)),
                    PulseAudioServer.MICROPHONE);
            pulse.record(PulseAudioServer.SPEAKER + ".monitor", speaker);
            try (CliProcess listen = CliProcess.start(TB.host(), dir, "listen", List.of("listen", "--json", "-c",
                    conf.toString()))) {
                listen.await("connection", e -> e.path("half").asText().equals("telephony")
                        && e.path("state").asText().equals("online"), STARTUP);
                b.dial(alice.sipAor());
                String callId = listen.await("incoming-call", WAIT).path("callId").asText();
                run(conf, "answer", "--json");
                listen.await("call-answered", e -> e.path("callId").asText().equals(callId), WAIT);
                assertThat(b.awaitEstablished(1, WAIT)).as("baresip's call:\n%s", b.logTail(30)).isTrue();
                Await.until("2 s of baresip's tone on our speaker", WAIT,
                        () -> audible(speaker).compareTo(Duration.ofSeconds(2)) >= 0);
                Set<String> capture = pulse.recordingStreams(MIC_MONITOR);
                Set<String> playback = pulse.playbackStreams(PulseAudioServer.SPEAKER);
                assertThat(capture).as("our microphone's stream").hasSize(1);
                assertThat(playback).as("our speaker's stream").hasSize(1);

                String refused = fail(conf, "call-audio-device", "--output", "nosuch-speaker");
                assertThat(refused).contains("no speaker matches 'nosuch-speaker'");
                assertThat(pulse.playbackStreams(PulseAudioServer.SPEAKER)).as("nothing changed").isEqualTo(playback);

                String switched = run(conf, "call-audio-device", "--json", "--input", "default [default]",
                        "--output", "default [default]");
                assertThat(switched).contains("\"callId\":\"" + callId + "\"").contains("\"output\":\"default [default]\"");
                assertThat(listen.await("call-audio-device", e -> e.path("callId").asText().equals(callId), WAIT)
                        .path("input").asText()).as("every front-end is told").isEqualTo("default [default]");
                Set<String> newCapture = Await.until("a new capture stream", WAIT,
                        () -> pulse.recordingStreams(MIC_MONITOR), s -> s.size() == 1 && !s.equals(capture));
                Set<String> newPlayback = Await.until("a new playback stream", WAIT,
                        () -> pulse.playbackStreams(PulseAudioServer.SPEAKER), s -> s.size() == 1 && !s.equals(playback));
                assertThat(newCapture).as("the old capture stream is closed").doesNotContainAnyElementsOf(capture);
                assertThat(newPlayback).as("the old playback stream is closed").doesNotContainAnyElementsOf(playback);

                Duration beforeSwitch = audible(speaker);
                pulse.play(AudioFiles.tone(dir.resolve("second-tone.wav"), AFTER_SWITCH_TONE, Duration.ofSeconds(60)),
                        PulseAudioServer.MICROPHONE);
                Await.until("3 s more of baresip's tone on the new speaker", WAIT,
                        () -> audible(speaker).compareTo(beforeSwitch.plusSeconds(3)) >= 0);
                run(conf, "hangup", callId);
                assertThat(listen.await("call-ended", WAIT).path("reason").path("kind").asText())
                        .as("the call lasted until we hung up").isEqualTo("hung-up-locally");
                assertThat(listen.events("call-answered")).hasSize(1);
                assertThat(listen.events("audio-device-failed")).as("output:\n%s", listen.output()).isEmpty();
            }
            assertThat(b.awaitTerminated(1, WAIT)).as("baresip saw one call end:\n%s", b.logTail(30)).isTrue();
            pulse.stop(speaker);

            assertThat(b.decodedRecordings()).hasSize(1);
            short[] heard = WavFileSource.readAll(b.decodedRecordings().get(0));
            short[] head = Arrays.copyOfRange(heard, 0, Math.min(heard.length, Pcm.SAMPLE_RATE));
            short[] tail = Arrays.copyOfRange(heard, Math.max(0, heard.length - Pcm.SAMPLE_RATE), heard.length);
            double headSecond = SignalAnalysis.toneAmplitude(head, Pcm.SAMPLE_RATE, AFTER_SWITCH_TONE);
            double tailSecond = SignalAnalysis.toneAmplitude(tail, Pcm.SAMPLE_RATE, AFTER_SWITCH_TONE);
            assertThat(tailSecond).as("the tone fed after the switch reached baresip (at the start: %s)", headSecond)
                    .isGreaterThan(1000).isGreaterThan(3 * headSecond);
            assertThat(SignalAnalysis.toneAmplitude(tail, Pcm.SAMPLE_RATE, FIRST_TONE))
                    .as("and the first one still does").isGreaterThan(1000);
            short[] played = WavFileSource.readAll(speaker);
            assertThat(SignalAnalysis.dominantFrequency(played, Pcm.SAMPLE_RATE)).isBetween(BARESIP_TONE - 20,
                    BARESIP_TONE + 20);
        }
    }

    private static Duration audible(Path wav) {
        try {
            byte[] bytes = Files.exists(wav) ? Files.readAllBytes(wav) : new byte[0];
            short[] pcm = new short[Math.max(0, (bytes.length - 44) / 2)];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) ((bytes[44 + 2 * i] & 0xff) | (bytes[45 + 2 * i] << 8));
            }
            return SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE);
        } catch (java.io.IOException e) {
            return Duration.ZERO;
        }
    }

    /** Runs one cusax command in the namespace; it must exit 0; returns its output. */
    private String run(Path conf, String... args) {
        try (CliProcess p = command(conf, args)) {
            assertThat(p.awaitExit(STARTUP)).as("cusax %s; output:\n%s", String.join(" ", args), p.output()).isZero();
            return p.output();
        }
    }

    /** Runs one cusax command that must fail; returns its output. */
    private String fail(Path conf, String... args) {
        try (CliProcess p = command(conf, args)) {
            assertThat(p.awaitExit(STARTUP)).as("cusax %s; output:\n%s", String.join(" ", args), p.output()).isNotZero();
            return p.output();
        }
    }

    private CliProcess command(Path conf, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-c");
        all.add(conf.toString());
        return CliProcess.start(TB.host(), dir, "cmd" + (++commands) + "-" + args[0], all);
    }

    private BaresipUa baresip(TestUser user) throws Exception {
        Path tone = AudioFiles.tone(dir.resolve("baresip-tone.wav"), BARESIP_TONE, Duration.ofSeconds(60));
        BaresipAccount account = new BaresipAccount(user.name(), TB.testbed().domain(), user.password(),
                SipTransport.UDP, TB.testbed().kamailio().host(), TB.testbed().kamailio().port(SipTransport.UDP), false);
        return BaresipUa.start(dir.resolve("baresip"), TB.host(), IsolatedHost.ADDRESS, account,
                TB.testbed().caCertificate(), tone, WAIT);
    }
}
