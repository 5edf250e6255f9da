package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.WireAudio;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.capture.PacketCapture;
import org.cusax.testbed.netns.IsolatedTestbedExtension;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.SippUa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with sipp, an independent SIP implementation, through real Kamailio over SIP/UDP
 * (Debian's sipp 3.6 is built without TLS, and without SRTP): we call a sipp UA that echoes our RTP
 * back (RFC 3550 audio and RFC 4733 DTMF events), and sipp calls us streaming a known tone and
 * sending DTMF events. Recordings are analysed; the DTMF events are checked in our events and on
 * the wire (tshark's RFC 4733 decoding). Runs in an isolated namespace like {@link BaresipCallsIT},
 * so that every packet captured belongs to the test.
 */
class SippCallsIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SippCallsIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A child JVM starting and registering on a loaded machine. */
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

    @Test
    void weCallASippThatEchoesOurToneAndDigits() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path heard = dir.resolve("alice-heard.wav");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        try (SippUa echo = TB.testbed().sipp().echoingUa(bob.name());
             PacketCapture wire = PacketCapture.start(TB.host(), dir.resolve("call.pcapng"))) {
            Command.Result reg = TB.testbed().sipp().register(bob.name(), bob.password(), echo.port(), 120);
            assertThat(reg.exitCode()).as("sipp REGISTER: %s", reg.output()).isZero();

            CliProcess call = CliProcess.start(TB.host(), dir, "call", List.of("call", bob.sipAor(), "--json",
                    "-c", conf.toString(), "--tone", "1000", "--dtmf", "159", "--record", heard.toString(),
                    "--hangup-after", "6", "--timeout", "30s"));
            try (call) {
                assertThat(call.awaitExit(Duration.ofSeconds(90))).as("exit code; output:\n%s", call.output()).isZero();
            }
            assertThat(call.events("call-ended")).singleElement()
                    .satisfies(e -> assertThat(e.path("reason").path("kind").asText()).isEqualTo("hung-up-locally"));
            assertThat(echo.awaitExit(WAIT)).as("sipp's end; messages:\n%s", echo.messages()).hasValue(0);
            wire.stop();

            assertTone(heard, 1000);
            // RFC 4733 §2.5.1.4: each digit ends with end-flagged events; ours go to sipp's media port and
            // sipp's echoes come back from it: per direction (source port), the digits in order
            java.util.Map<String, StringBuilder> byDirection = new java.util.TreeMap<>();
            for (List<String> row : wire.fields("rtpevent && rtpevent.end_of_event == 1", "udp.srcport",
                    "rtpevent.event_id")) {
                StringBuilder b = byDirection.computeIfAbsent(row.get(0), k -> new StringBuilder());
                if (b.length() == 0 || b.charAt(b.length() - 1) != row.get(1).charAt(0)) {
                    b.append(row.get(1));
                }
            }
            LOG.info("telephone-event digits on the wire by source port: {}", byDirection);
            assertThat(byDirection.values().stream().map(StringBuilder::toString).toList())
                    .as("digits from us and echoed by sipp").containsExactly("159", "159");
            String echoedDigits = call.events("dtmf").stream().map(e -> e.path("digit").asText())
                    .collect(Collectors.joining());
            assertThat(echoedDigits).as("our digits, echoed back by sipp").isEqualTo("159");
            WireAudio audio = WireAudio.of(wire, 1000);
            LOG.info("on the wire: {}", audio);
            assertThat(audio.packets()).isGreaterThan(200);
            assertThat(audio.toneRatio()).isGreaterThan(0.5);
        }
    }

    @Test
    void sippCallsUsWithAToneAndDigits() throws Exception {
        TestUser alice = newUser("alice");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        Path recordings = Files.createDirectories(dir.resolve("alice-calls"));
        Path sippTone = AudioFiles.ulawTone(dir.resolve("sipp-tone.ulaw"), 600, Duration.ofSeconds(30));
        try (CliProcess listen = CliProcess.start(TB.host(), dir, "listen", List.of("listen", "--json",
                "-c", conf.toString(), "--answer", "auto", "--record-dir", recordings.toString(), "--for", "120s"))) {
            listen.await("connection", e -> e.path("half").asText().equals("telephony")
                    && e.path("state").asText().equals("online"), STARTUP);
            Command.Result sipp = TB.testbed().sipp().callWithMedia(alice.name(), sippTone, "247",
                    Duration.ofSeconds(2), Duration.ofSeconds(2));
            assertThat(sipp.exitCode()).as("sipp's call:\n%s", sipp.output()).isZero();

            listen.await("call-answered", WAIT);
            assertThat(listen.await("call-ended", WAIT).path("reason").path("kind").asText())
                    .isEqualTo("hung-up-remotely");
            String digits = listen.events("dtmf").stream().map(e -> e.path("digit").asText())
                    .collect(Collectors.joining());
            assertThat(digits).isEqualTo("247");
            Path heard;
            try (Stream<Path> files = Files.list(recordings)) {
                heard = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
            }
            assertTone(heard, 600);
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
}
