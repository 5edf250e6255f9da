package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.Recordings;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * baresip, an independent SIP user agent, on the sandbox (issue 6): the real {@code cusax sandbox
 * --digest md5 --json} runs the service; baresip registers as the demo account alice with the
 * credentials the sandbox printed, over SIP/UDP and SIP/TLS (trusting the sandbox CA,
 * {@code sip_cafile}); the demo user is the real {@code cusax listen} / {@code cusax call} with the
 * {@code demo.conf} the sandbox wrote (the normal client path: SIP over TLS, so SRTP is required,
 * RFC 3711 with SDES keys, RFC 4568, and baresip offers it: {@code mediaenc=srtp-mand}).
 *
 * <p>baresip calls {@code sip:demo@cusax.test}: our listen answers, baresip plays 600 Hz and sends
 * DTMF 4-7-# (RFC 4733); our recording holds the tone and the digits are reported; baresip hears our
 * 1000 Hz. The demo user calls {@code sip:alice@cusax.test} with a 1000 Hz tone and DTMF 1-5-9:
 * baresip answers, records our tone and receives the digits; we record its 600 Hz.
 *
 * <p>Caller identity (RFC 7081 §5): the sandbox asserts baresip's digest user,
 * {@code P-Asserted-Identity: <sip:alice@cusax.test>} (RFC 3325, as Kamailio does), and baresip sends
 * no {@code Call-Info}. Alice is in the demo user's roster, but her vCard holds only numbers and she
 * publishes no SIP address (reachability) while her own cusax is offline: a SIP URI whose user part
 * equals her JID's is no evidence, so the call stays unbound ({@code contact} null, no candidates).
 *
 * <p>Everything runs in an isolated network namespace ({@link IsolatedHost}): baresip 1.0 advertises
 * its interface address and refuses 127.0.0.1, so it gets 127.0.0.2 there; the sandbox and our
 * client run there as child JVMs. The namespace is deleted after the class, with whatever still runs
 * in it.
 */
class BaresipSandboxIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BaresipSandboxIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A child JVM starting (and logging in) on a loaded machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final double OUR_TONE = 1000;
    private static final double BARESIP_TONE = 600;
    private static final int TALK_SECONDS = 6;
    private static final Duration MIN_AUDIO = Duration.ofMillis(2500);

    @TempDir
    static Path dir;

    private static IsolatedHost host;
    private static CliProcess sandbox;
    private static JsonNode service;

    @TempDir
    Path testDir;

    @BeforeAll
    static void startSandbox() throws Exception {
        host = IsolatedHost.create();
        Path sandboxDir = Files.createDirectories(dir.resolve("sandbox"));
        sandbox = CliProcess.start(host, dir, "sandbox", List.of("sandbox", "--digest", "md5",
                "--dir", sandboxDir.toString(), "--json"));
        service = sandbox.await("sandbox", STARTUP);
    }

    @AfterAll
    static void stopSandbox() {
        try {
            if (sandbox != null) {
                sandbox.close();
            }
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }

    @ParameterizedTest(name = "over SIP/{0}")
    @EnumSource(value = SipTransport.class, names = {"UDP", "TLS"})
    void baresipCallsTheDemoUser(SipTransport transport) throws Exception {
        Path play = AudioFiles.tone(testDir.resolve("demo-tone.wav"), OUR_TONE, Duration.ofSeconds(40));
        Path recordings = Files.createDirectories(testDir.resolve("demo-calls"));
        try (CliProcess listen = CliProcess.start(host, testDir, "listen", List.of("listen", "--json",
                "-c", demoConfig(), "--answer", "auto", "--play", play.toString(),
                "--record-dir", recordings.toString(), "--for", "300s"));
             BaresipUa b = baresipAsAlice(transport)) {
            listen.await("connection", e -> e.path("half").asText().equals("telephony")
                    && e.path("state").asText().equals("online"), STARTUP);
            b.dial(user("demo").path("sip").asText());
            JsonNode in = listen.await("incoming-call", WAIT);
            LOG.info("demo's incoming-call event: {}", in);
            String id = in.path("callId").asText();
            assertThat(in.path("from").asText()).isEqualTo(user("alice").path("sip").asText());
            assertThat(in.path("contact").isNull()).as("not bound: %s", in).isTrue();
            assertThat(in.path("candidates").isArray()).isTrue();
            assertThat(in.path("candidates")).as("%s", in).isEmpty();
            assertThat(in.path("callInfoIgnored").isNull()).as("%s", in).isTrue();

            listen.await("call-answered", e -> e.path("callId").asText().equals(id), WAIT);
            Path recording = recordings.resolve(id + ".wav");
            assertThat(b.awaitEstablished(1, WAIT)).as("baresip's call established:\n%s", b.logTail(30)).isTrue();
            // talk a while before and after the digits: as long as our recording needs to hold that much
            Recordings.awaitRecorded(recording, Duration.ofSeconds(2), WAIT);
            b.sendDigits("47#");
            listen.await("dtmf", e -> e.path("digit").asText().equals("#"), WAIT);
            Recordings.awaitRecorded(recording, Duration.ofSeconds(TALK_SECONDS), WAIT);
            b.hangUp();
            JsonNode ended = listen.await("call-ended", e -> e.path("callId").asText().equals(id), WAIT);
            assertThat(ended.path("reason").path("kind").asText()).isEqualTo("hung-up-remotely");
            String digits = listen.events("dtmf").stream().map(e -> e.path("digit").asText())
                    .collect(Collectors.joining());
            assertThat(digits).as("RFC 4733 digits from baresip").isEqualTo("47#");
            assertThat(b.awaitTerminated(1, WAIT)).isTrue();

            Path heard;
            try (Stream<Path> files = Files.list(recordings)) {
                heard = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
            }
            assertTone(heard, BARESIP_TONE);
            assertThat(b.decodedRecordings()).hasSize(1);
            assertTone(b.decodedRecordings().get(0), OUR_TONE);
            assertThat(b.srtpStreams()).as("baresip's SRTP streams").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "over SIP/{0}")
    @EnumSource(value = SipTransport.class, names = {"UDP", "TLS"})
    void theDemoUserCallsBaresip(SipTransport transport) throws Exception {
        Path ours = testDir.resolve("demo-heard.wav");
        try (BaresipUa b = baresipAsAlice(transport)) {
            CliProcess call = CliProcess.start(host, testDir, "call", List.of("call",
                    user("alice").path("sip").asText(), "--json", "-c", demoConfig(),
                    "--tone", String.valueOf((int) OUR_TONE), "--dtmf", "159", "--record", ours.toString(),
                    "--hangup-after", String.valueOf(TALK_SECONDS), "--timeout", "30s"));
            try (call) {
                assertThat(call.awaitExit(STARTUP)).as("exit code; output:\n%s", call.output()).isZero();
            }
            assertThat(call.events("call-answered")).hasSize(1);
            assertThat(call.events("call-ended")).singleElement()
                    .satisfies(e -> assertThat(e.path("reason").path("kind").asText()).isEqualTo("hung-up-locally"));
            assertThat(b.awaitTerminated(1, WAIT)).as("baresip saw the call end:\n%s", b.logTail(30)).isTrue();
            assertThat(b.awaitDigits("159", WAIT)).as("digits baresip received: %s", b.receivedDigits()).isTrue();

            assertTone(ours, BARESIP_TONE);
            assertThat(b.decodedRecordings()).hasSize(1);
            assertTone(b.decodedRecordings().get(0), OUR_TONE);
            assertThat(b.srtpStreams()).as("baresip's SRTP streams").isEqualTo(1);
        }
    }

    /** baresip registered as alice with the credentials the sandbox printed, SRTP required. */
    private BaresipUa baresipAsAlice(SipTransport transport) throws Exception {
        JsonNode alice = user("alice");
        JsonNode sip = service.path("sip");
        Path tone = AudioFiles.tone(testDir.resolve("baresip-tone.wav"), BARESIP_TONE, Duration.ofSeconds(40));
        BaresipAccount account = new BaresipAccount(alice.path("user").asText(), service.path("domain").asText(),
                alice.path("password").asText(), transport, sip.path("host").asText(),
                sip.path(transport.token()).asInt(), true);
        return BaresipUa.start(testDir.resolve("baresip"), host, IsolatedHost.ADDRESS, account,
                Path.of(service.path("ca").asText()), tone, WAIT);
    }

    private static String demoConfig() {
        return user("demo").path("config").asText();
    }

    private static JsonNode user(String name) {
        return StreamSupport.stream(service.path("users").spliterator(), false)
                .filter(u -> u.path("user").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the sandbox printed no account " + name + ": " + service));
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
