package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.Recordings;
import org.cusax.it.support.WireAudio;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.capture.PacketCapture;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.netns.IsolatedTestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with baresip, an independent SIP user agent, through real Kamailio: calls both
 * ways over SIP/UDP and SIP/TLS. Each side plays a known tone (we 1000 Hz, baresip 600 Hz) and the
 * other side's recording is analysed; DTMF digits (RFC 4733 telephone events) go both ways; over
 * TLS the media is SRTP (RFC 3711 with SDES keys, RFC 4568), checked on the wire: the PCMU payloads
 * captured are ciphertext, while over UDP the same check finds the plain tone.
 *
 * <p>Everything runs inside an isolated network namespace (see {@link IsolatedHost}): baresip 1.0
 * advertises its interface address and refuses 127.0.0.1, so it gets 127.0.0.2 there; Kamailio and
 * our client (the real {@code cusax} command in a child JVM) run there too.
 */
class BaresipCallsIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BaresipCallsIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A child JVM starting and registering on a loaded machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final double OUR_TONE = 1000;
    private static final double BARESIP_TONE = 600;
    /** Talk time before hanging up (the audio our recording holds then); the recordings must hold most of it. */
    private static final int TALK_SECONDS = 6;
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

    private BaresipUa baresip(TestUser user, SipTransport transport) throws Exception {
        Path tone = AudioFiles.tone(dir.resolve("baresip-tone.wav"), BARESIP_TONE, Duration.ofSeconds(40));
        BaresipAccount account = new BaresipAccount(user.name(), TB.testbed().domain(), user.password(), transport,
                TB.testbed().kamailio().host(), TB.testbed().kamailio().port(transport), transport == SipTransport.TLS);
        return BaresipUa.start(dir.resolve("baresip"), TB.host(), IsolatedHost.ADDRESS, account,
                TB.testbed().caCertificate(), tone, WAIT);
    }

    @ParameterizedTest(name = "over SIP/{0}")
    @EnumSource(value = SipTransport.class, names = {"UDP", "TLS"})
    void weCallBaresipWithToneAndDigits(SipTransport transport) throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path ours = dir.resolve("alice-heard.wav");
        Path conf = TB.testbed().writeClientConfig(alice, transport);
        try (BaresipUa b = baresip(bob, transport);
             PacketCapture wire = PacketCapture.start(TB.host(), dir.resolve("call.pcapng"))) {
            CliProcess call = CliProcess.start(TB.host(), dir, "call", List.of("call", bob.sipAor(), "--json",
                    "-c", conf.toString(), "--tone", String.valueOf((int) OUR_TONE), "--dtmf", "159",
                    "--record", ours.toString(), "--hangup-after", String.valueOf(TALK_SECONDS), "--timeout", "30s"));
            try (call) {
                assertThat(call.awaitExit(Duration.ofSeconds(90))).as("exit code; output:\n%s", call.output()).isZero();
            }
            assertThat(call.events("call-answered")).hasSize(1);
            assertThat(call.events("call-ended")).singleElement()
                    .satisfies(e -> assertThat(e.path("reason").path("kind").asText()).isEqualTo("hung-up-locally"));
            assertThat(b.awaitTerminated(1, WAIT)).as("baresip saw the call end:\n%s", b.logTail(30)).isTrue();
            assertThat(b.awaitDigits("159", WAIT)).as("digits baresip received: %s", b.receivedDigits()).isTrue();
            wire.stop();

            assertTone(ours, BARESIP_TONE);
            assertThat(b.decodedRecordings()).hasSize(1);
            assertTone(b.decodedRecordings().get(0), OUR_TONE);
            assertOnTheWire(wire, transport);
            assertThat(b.srtpStreams()).as("baresip's SRTP streams").isEqualTo(transport == SipTransport.TLS ? 1 : 0);
        }
    }

    @ParameterizedTest(name = "over SIP/{0}")
    @EnumSource(value = SipTransport.class, names = {"UDP", "TLS"})
    void baresipCallsUsWithToneAndDigits(SipTransport transport) throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path conf = TB.testbed().writeClientConfig(alice, transport);
        Path play = AudioFiles.tone(dir.resolve("alice-tone.wav"), OUR_TONE, Duration.ofSeconds(40));
        Path recordings = Files.createDirectories(dir.resolve("alice-calls"));
        try (CliProcess listen = CliProcess.start(TB.host(), dir, "listen", List.of("listen", "--json",
                "-c", conf.toString(), "--answer", "auto", "--play", play.toString(),
                "--record-dir", recordings.toString(), "--for", "120s"));
             BaresipUa b = baresip(bob, transport)) {
            listen.await("connection", e -> e.path("half").asText().equals("telephony")
                    && e.path("state").asText().equals("online"), STARTUP);
            try (PacketCapture wire = PacketCapture.start(TB.host(), dir.resolve("call.pcapng"))) {
                b.dial(alice.sipAor());
                JsonNode answered = listen.await("call-answered", WAIT);
                Path recording = recordings.resolve(answered.path("callId").asText() + ".wav");
                assertThat(b.awaitEstablished(1, WAIT)).as("baresip's call established:\n%s", b.logTail(30)).isTrue();
                // talk a while before and after the digits: as long as our recording needs to hold that much
                Recordings.awaitRecorded(recording, Duration.ofSeconds(2), WAIT);
                b.sendDigits("47#");
                listen.await("dtmf", e -> e.path("digit").asText().equals("#"), WAIT);
                Recordings.awaitRecorded(recording, Duration.ofSeconds(TALK_SECONDS), WAIT);
                b.hangUp();
                JsonNode ended = listen.await("call-ended", WAIT);
                assertThat(ended.path("reason").path("kind").asText()).isEqualTo("hung-up-remotely");
                String digits = listen.events("dtmf").stream().map(e -> e.path("digit").asText())
                        .collect(Collectors.joining());
                assertThat(digits).isEqualTo("47#");
                assertThat(b.awaitTerminated(1, WAIT)).isTrue();
                wire.stop();

                Path heard;
                try (Stream<Path> files = Files.list(recordings)) {
                    heard = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
                }
                assertTone(heard, BARESIP_TONE);
                assertThat(b.decodedRecordings()).hasSize(1);
                assertTone(b.decodedRecordings().get(0), OUR_TONE);
                assertOnTheWire(wire, transport);
                assertThat(b.srtpStreams()).as("baresip's SRTP streams").isEqualTo(transport == SipTransport.TLS ? 1 : 0);
            }
        }
    }

    private static void assertTone(Path wav, double hz) throws Exception {
        short[] pcm = WavFileSource.readAll(wav);
        LOG.info("{}: dominant {} Hz, audible {}", wav.getFileName(), SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE),
                SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE));
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).as("dominant frequency of %s", wav)
                .isBetween(hz - 20, hz + 20);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).as("audible time in %s", wav)
                .isGreaterThanOrEqualTo(MIN_AUDIO);
    }

    /** RFC 3711: over TLS the RTP payloads on the wire are ciphertext; over UDP they are the plain tones. */
    private static void assertOnTheWire(PacketCapture wire, SipTransport transport) {
        WireAudio audio = WireAudio.of(wire, OUR_TONE);
        LOG.info("on the wire ({}): {}", transport, audio);
        // both directions, several seconds of 20 ms packets each
        assertThat(audio.packets()).as("PCMU packets on the wire").isGreaterThan(200);
        if (transport == SipTransport.TLS) {
            assertThat(audio.payloadSizes()).as("payload + 80-bit SRTP tag").containsExactly(170);
            assertThat(audio.toneRatio()).as("tone in the captured payloads (SRTP: none)").isLessThan(0.05);
        } else {
            assertThat(audio.payloadSizes()).as("plain 20 ms PCMU payloads").containsExactly(160);
            assertThat(audio.toneRatio()).as("tone in the captured payloads (plain RTP)").isGreaterThan(0.3);
        }
    }
}
