package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cusax.it.support.Await;
import org.cusax.it.support.AudioFiles;
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
 * Live audio (issue 10): the real {@code cusax call} without {@code --tone/--play/--record} uses the machine's
 * microphone and speaker through Java Sound. The machine here is a PulseAudio daemon of the test's own with
 * null sinks (the child JVM's HOME holds {@code pcm.!default { type pulse }}): a 1000 Hz tone played into the
 * sink whose monitor is the default source is what our microphone captures, and the default sink's monitor
 * records what our speaker plays. baresip (RFC 3261 UA, through real Kamailio, in an isolated namespace)
 * answers and plays 600 Hz; both recordings are analysed. Without any sound system the call goes on (silence
 * is sent) and an {@code audio-device-failed} event per direction says why (no sound device; a
 * speaker name that matches no device).
 */
class LiveAudioIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveAudioIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double MICROPHONE_TONE = 1000;
    private static final double BARESIP_TONE = 600;
    /** Talk time of the call without a sound system. */
    private static final int TALK_SECONDS = 4;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration MIN_AUDIO = Duration.ofMillis(2500);

    @RegisterExtension
    static final IsolatedTestbedExtension TB = new IsolatedTestbedExtension(
            TestbedOptions.defaults().withProsody(false));

    private static int users;

    @TempDir
    Path dir;

    private static synchronized TestUser newUser(String stem) {
        return TB.testbed().createUser(stem + (++users));
    }

    private BaresipUa baresip(TestUser user) throws Exception {
        Path tone = AudioFiles.tone(dir.resolve("baresip-tone.wav"), BARESIP_TONE, Duration.ofSeconds(40));
        BaresipAccount account = new BaresipAccount(user.name(), TB.testbed().domain(), user.password(),
                SipTransport.UDP, TB.testbed().kamailio().host(), TB.testbed().kamailio().port(SipTransport.UDP), false);
        return BaresipUa.start(dir.resolve("baresip"), TB.host(), IsolatedHost.ADDRESS, account,
                TB.testbed().caCertificate(), tone, WAIT);
    }

    private CliProcess liveCall(TestUser callee, Path conf, java.util.Map<String, String> environment) {
        return CliProcess.start(TB.host(), dir, "call", List.of("call", callee.sipAor(), "--json", "-c",
                conf.toString(), "--hangup-after", String.valueOf(TALK_SECONDS), "--timeout", "30s",
                "--output", "nosuch-speaker"), environment);
    }

    @Test
    void theMicrophoneReachesBaresipAndBaresipIsHeardOnTheSpeaker() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        Path speaker = dir.resolve("speaker.wav");
        try (PulseAudioServer pulse = PulseAudioServer.start(Files.createDirectories(dir.resolve("pulse")));
             BaresipUa b = baresip(bob)) {
            try (CliProcess devices = CliProcess.start(TB.host(), dir, "audio-devices",
                    List.of("audio-devices", "--json"), pulse.clientEnvironment())) {
                assertThat(devices.awaitExit(STARTUP)).isZero();
                assertThat(devices.output()).as("Java Sound sees PulseAudio as ALSA's default device")
                        .contains("{\"name\":\"default [default]\"").contains("\"input\":true,\"output\":true");
            }
            pulse.play(AudioFiles.tone(dir.resolve("microphone-tone.wav"), MICROPHONE_TONE, Duration.ofSeconds(60)),
                    PulseAudioServer.MICROPHONE);
            pulse.record(PulseAudioServer.SPEAKER + ".monitor", speaker);
            try (CliProcess call = CliProcess.start(TB.host(), dir, "call", List.of("call", bob.sipAor(), "--json",
                    "-c", conf.toString(), "--timeout", "30s"), pulse.clientEnvironment())) {
                call.await("call-answered", STARTUP);
                Await.until("4 s of baresip's tone played on our speaker", Duration.ofSeconds(60),
                        () -> audibleSoFar(speaker).compareTo(Duration.ofSeconds(4)) >= 0);
                b.hangUp();
                assertThat(call.awaitExit(WAIT)).as("exit code; output:\n%s", call.output()).isZero();
                assertThat(call.events("audio-device-failed")).as("output:\n%s", call.output()).isEmpty();
                assertThat(call.events("call-ended")).singleElement().satisfies(e ->
                        assertThat(e.path("reason").path("kind").asText()).isEqualTo("hung-up-remotely"));
            }
            assertThat(b.awaitTerminated(1, WAIT)).as("baresip saw the call end:\n%s", b.logTail(30)).isTrue();
            pulse.stop(speaker);

            assertThat(b.decodedRecordings()).hasSize(1);
            assertTone(b.decodedRecordings().get(0), MICROPHONE_TONE);
            assertTone(speaker, BARESIP_TONE);
        }
    }

    @Test
    void listenAnswersLiveAndTalksThroughTheDevices() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        Path speaker = dir.resolve("speaker.wav");
        try (PulseAudioServer pulse = PulseAudioServer.start(Files.createDirectories(dir.resolve("pulse")));
             CliProcess listen = CliProcess.start(TB.host(), dir, "listen", List.of("listen", "--json", "-c",
                     conf.toString(), "--answer", "auto", "--for", "120s"), pulse.clientEnvironment());
             BaresipUa b = baresip(bob)) {
            pulse.play(AudioFiles.tone(dir.resolve("microphone-tone.wav"), MICROPHONE_TONE, Duration.ofSeconds(60)),
                    PulseAudioServer.MICROPHONE);
            pulse.record(PulseAudioServer.SPEAKER + ".monitor", speaker);
            listen.await("connection", e -> e.path("half").asText().equals("telephony")
                    && e.path("state").asText().equals("online"), STARTUP);
            b.dial(alice.sipAor());
            listen.await("call-answered", WAIT);
            Await.until("4 s of baresip's tone played on our speaker", Duration.ofSeconds(60),
                    () -> audibleSoFar(speaker).compareTo(Duration.ofSeconds(4)) >= 0);
            b.hangUp();
            listen.await("call-ended", e -> e.path("reason").path("kind").asText().equals("hung-up-remotely"), WAIT);
            assertThat(listen.events("audio-device-failed")).as("output:\n%s", listen.output()).isEmpty();
            assertThat(b.awaitTerminated(1, WAIT)).isTrue();
            pulse.stop(speaker);

            assertThat(b.decodedRecordings()).hasSize(1);
            assertTone(b.decodedRecordings().get(0), MICROPHONE_TONE);
            assertTone(speaker, BARESIP_TONE);
        }
    }

    /** How much audible sound a WAV being recorded holds so far (its header is completed only at the end). */
    private static Duration audibleSoFar(Path wav) {
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

    @Test
    void withoutASoundSystemTheCallGoesOnAndTheEventSaysWhy() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        try (BaresipUa b = baresip(bob);
             CliProcess call = liveCall(bob, conf, PulseAudioServer.noSoundSystem(dir.resolve("no-sound")))) {
            assertThat(call.awaitExit(Duration.ofSeconds(90))).as("exit code; output:\n%s", call.output()).isZero();
            List<JsonNode> failed = call.events("audio-device-failed");
            assertThat(failed).extracting(e -> e.path("direction").asText()).containsExactlyInAnyOrder("input", "output");
            String callId = call.events("call-answered").get(0).path("callId").asText();
            assertThat(failed).allSatisfy(e -> assertThat(e.path("callId").asText()).isEqualTo(callId));
            JsonNode microphone = failed.stream().filter(e -> e.path("direction").asText().equals("input")).findFirst()
                    .orElseThrow();
            assertThat(microphone.path("device").asText()).isEqualTo("default");
            assertThat(microphone.path("reason").asText()).as("why").contains("no sound device");
            JsonNode speakerFailed = failed.stream().filter(e -> e.path("direction").asText().equals("output"))
                    .findFirst().orElseThrow();
            assertThat(speakerFailed.path("device").asText()).isEqualTo("nosuch-speaker");
            assertThat(speakerFailed.path("reason").asText()).as("why")
                    .isEqualTo("no speaker matches 'nosuch-speaker': the sound system offers none");
            assertThat(call.events("call-ended")).singleElement().satisfies(e ->
                    assertThat(e.path("reason").path("kind").asText()).isEqualTo("hung-up-locally"));
            assertThat(b.awaitTerminated(1, WAIT)).as("baresip saw the call end:\n%s", b.logTail(30)).isTrue();
            assertThat(b.decodedRecordings()).hasSize(1);
            short[] heard = WavFileSource.readAll(b.decodedRecordings().get(0));
            assertThat(heard.length).as("baresip recorded the call").isGreaterThan(Pcm.SAMPLE_RATE * 2);
            assertThat(SignalAnalysis.activeDuration(heard, Pcm.SAMPLE_RATE)).as("we sent silence")
                    .isLessThan(Duration.ofMillis(200));
        }
    }

    private static void assertTone(Path wav, double hz) throws Exception {
        short[] pcm = WavFileSource.readAll(wav);
        double dominant = SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE);
        Duration audible = SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE);
        String map = activity(pcm);
        LOG.info("{}: dominant {} Hz, audible {}, per 100 ms: {}", wav.getFileName(), dominant, audible, map);
        assertThat(dominant).as("dominant frequency of %s (%s)", wav, map).isBetween(hz - 20, hz + 20);
        assertThat(audible).as("audible time in %s (per 100 ms: %s)", wav, map).isGreaterThanOrEqualTo(MIN_AUDIO);
    }

    /** One character per 100 ms: '#' audible, '.' silent (for failure messages). */
    private static String activity(short[] pcm) {
        StringBuilder sb = new StringBuilder();
        int block = Pcm.SAMPLE_RATE / 10;
        for (int at = 0; at + block <= pcm.length; at += block) {
            sb.append(SignalAnalysis.rms(java.util.Arrays.copyOfRange(pcm, at, at + block))
                    >= SignalAnalysis.DEFAULT_SILENCE_RMS ? '#' : '.');
        }
        return sb.toString();
    }
}
