package org.cusax.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.Await;
import org.cusax.it.support.CliProcess;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.kamailio.Binding;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.netns.IsolatedTestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: one daemon ({@code cusax serve}, a child JVM) holds the session while several CLI commands run
 * against it; real Kamailio sees one registration (one binding, one Call-ID: RFC 3261 §10.2.4 refreshes
 * only) and real Prosody one client connection (RFC 6120 §4). Then baresip calls the daemon's user; the call
 * is answered with {@code cusax answer}, audio is analysed both ways, and {@code cusax hangup} ends it (BYE).
 * Stopping the daemon (SIGTERM) un-REGISTERs (RFC 3261 §10.2.2). Runs in an isolated network namespace
 * because baresip needs a non-127.0.0.1 loopback address (see BaresipCallsIT).
 */
class DaemonCliIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final double OUR_TONE = 1000;
    private static final double BARESIP_TONE = 600;
    private static final Duration MIN_AUDIO = Duration.ofMillis(2500);
    /** 5 s of 8 kHz 16-bit mono after the 44-byte header: how much the recording holds before we hang up. */
    private static final long FIVE_SECONDS_OF_AUDIO = 44 + 5 * 8000 * 2;

    @RegisterExtension
    static final IsolatedTestbedExtension TB = new IsolatedTestbedExtension(TestbedOptions.defaults());

    @TempDir
    Path dir;

    private int commands;

    @Test
    void oneDaemonServesTheCommandLineWithOneRegistrationAndOneXmppSession() throws Exception {
        TestUser alice = TB.testbed().createUser("alicedaemon");
        TestUser bob = TB.testbed().createUser("bobdaemon");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        Files.writeString(conf, "\ndaemon.state-dir = " + dir.resolve("state") + "\n", StandardOpenOption.APPEND);
        long xmppConnectionsBefore = xmppClientConnections();

        try (CliProcess serve = CliProcess.start(TB.host(), dir, "serve", List.of("serve", "--json", "-c", conf.toString()))) {
            serve.await("daemon-started", STARTUP);
            assertThat(TB.testbed().kamailio().awaitRegistered(alice.name(), STARTUP)).isTrue();
            List<Binding> first = TB.testbed().kamailio().registeredContacts(alice.name());
            assertThat(first).hasSize(1);

            String status = run(conf, "status", "--json", "--timeout", "60s");
            assertThat(status).contains("\"telephony\"").contains("\"state\":\"online\"");
            run(conf, "roster", "--json");
            run(conf, "call", "--dry-run", "--json", bob.sipAor());
            assertThat(run(conf, "chat", "--json", bob.jid(), "hello", "from", "the", "daemon"))
                    .contains("\"state\":\"acknowledged\""); // stored offline by Prosody, acknowledged (XEP-0198)
            assertThat(run(conf, "history", "--json")).contains("hello from the daemon");
            run(conf, "presence", "away", "back", "soon");

            List<Binding> after = TB.testbed().kamailio().registeredContacts(alice.name());
            assertThat(after).as("still one registration, the daemon's").hasSize(1);
            assertThat(after.get(0).callId()).as("the same registration (refreshes keep the Call-ID)")
                    .isEqualTo(first.get(0).callId());
            assertThat(xmppClientConnections() - xmppConnectionsBefore).as("XMPP client connections (Prosody log)")
                    .isEqualTo(1);

            callAnsweredAndHungUpFromTheCommandLine(conf, alice, bob);

            assertThat(serve.output()).doesNotContain(Files.readString(tokenFile()).strip());
        }
        assertThat(TB.testbed().kamailio().awaitUnregistered(alice.name(), WAIT)).as("un-REGISTER on SIGTERM").isTrue();
    }

    private void callAnsweredAndHungUpFromTheCommandLine(Path conf, TestUser alice, TestUser bob) throws Exception {
        Path play = AudioFiles.tone(dir.resolve("alice-tone.wav"), OUR_TONE, Duration.ofSeconds(40));
        Path heard = dir.resolve("alice-heard.wav");
        try (CliProcess listen = CliProcess.start(TB.host(), dir, "listen", List.of("listen", "--json", "-c", conf.toString()));
             BaresipUa b = baresip(bob)) {
            listen.await("connection", e -> e.path("half").asText().equals("telephony")
                    && e.path("state").asText().equals("online"), STARTUP); // attached to the daemon's events
            b.dial(alice.sipAor());
            String callId = listen.await("incoming-call", WAIT).path("callId").asText();
            run(conf, "answer", "--play", play.toString(), "--record", heard.toString());
            listen.await("call-answered", e -> e.path("callId").asText().equals(callId), WAIT);
            assertThat(b.awaitEstablished(1, WAIT)).as("baresip's call established:\n%s", b.logTail(30)).isTrue();
            Await.until("5 s of the caller's audio recorded", WAIT, () -> size(heard) >= FIVE_SECONDS_OF_AUDIO);
            run(conf, "hangup", callId);
            assertThat(listen.await("call-ended", WAIT).path("reason").path("kind").asText()).isEqualTo("hung-up-locally");
            assertThat(b.awaitTerminated(1, WAIT)).as("baresip saw our BYE:\n%s", b.logTail(30)).isTrue();
            assertTone(heard, BARESIP_TONE);
            assertThat(b.decodedRecordings()).hasSize(1);
            assertTone(b.decodedRecordings().get(0), OUR_TONE);
        }
    }

    /** Runs one cusax command in the namespace; it must exit 0; returns its output. */
    private String run(Path conf, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-c");
        all.add(conf.toString());
        try (CliProcess p = CliProcess.start(TB.host(), dir, "cmd" + (++commands) + "-" + args[0], all)) {
            assertThat(p.awaitExit(STARTUP)).as("cusax %s; output:\n%s", String.join(" ", args), p.output()).isZero();
            return p.output();
        }
    }

    private BaresipUa baresip(TestUser user) throws Exception {
        Path tone = AudioFiles.tone(dir.resolve("baresip-tone.wav"), BARESIP_TONE, Duration.ofSeconds(40));
        BaresipAccount account = new BaresipAccount(user.name(), TB.testbed().domain(), user.password(), SipTransport.UDP,
                TB.testbed().kamailio().host(), TB.testbed().kamailio().port(SipTransport.UDP), false);
        return BaresipUa.start(dir.resolve("baresip"), TB.host(), IsolatedHost.ADDRESS, account,
                TB.testbed().caCertificate(), tone, WAIT);
    }

    /** Client connections Prosody accepted so far (mod_c2s logs "Client connected" for each, at info). */
    private static long xmppClientConnections() throws IOException {
        return Files.readAllLines(TB.testbed().prosody().logFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Client connected")).count();
    }

    private Path tokenFile() throws IOException {
        try (var files = Files.list(dir.resolve("state"))) {
            return files.filter(f -> f.toString().endsWith(".token")).findFirst().orElseThrow();
        }
    }

    private static long size(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void assertTone(Path wav, double hz) throws Exception {
        short[] pcm = WavFileSource.readAll(wav);
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).as("dominant frequency of %s", wav)
                .isBetween(hz - 20, hz + 20);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).as("audible time in %s", wav)
                .isGreaterThanOrEqualTo(MIN_AUDIO);
    }
}
