package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.service.Half;
import org.cusax.it.support.Recordings;
import org.cusax.it.support.RunningClient;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 7081 §4: two full CUSAX clients (XMPP + SIP over TLS, built by the app's composition root) call
 * each other through the profile's SIP proxy; the callee records, the recording holds the caller's
 * 1 kHz tone. Run against real Kamailio ({@link CallsIT}) and the sandbox ({@link CallsSandboxIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallsScenarios {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private int users;

    @TempDir
    Path dir;

    /** The servers of this run, started once per class by the subclass's extension. */
    protected abstract ServiceProfile service();

    private TestUser newUser(String stem) {
        return service().createUser(stem + (++users));
    }

    @Test
    void aCallOverTlsCarriesTheToneAndEndsOnBothSides() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path recording = dir.resolve("bob.wav");
        try (RunningClient a = RunningClient.start(service(), alice, SipTransport.TLS);
             RunningClient b = RunningClient.start(service(), bob, SipTransport.TLS)) {
            a.await(Half.TELEPHONY, ConnectionState.ONLINE);
            b.await(Half.TELEPHONY, ConnectionState.ONLINE);
            b.client().subscribe(event -> {
                if (event instanceof IncomingCall in) {
                    b.client().answer(in.call().id(), AudioPlan.silent().recordingTo(recording));
                }
            });

            Call call = a.client().placeCall(bob.sipAor(), AudioPlan.silent().playing(new PlaySource.Tone(1000)));
            IncomingCall incoming = b.events().await(IncomingCall.class, e -> true, WAIT);
            assertThat(incoming.call().remote()).contains(alice.name());
            a.events().await(CallAnswered.class, e -> e.call().id().equals(call.id()), WAIT);
            Recordings.awaitRecorded(recording, Duration.ofMillis(1500), WAIT); // let the tone flow
            a.client().hangUp(call.id());

            assertThat(a.events().await(CallEnded.class, e -> true, WAIT).reason().kind())
                    .isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
            assertThat(b.events().await(CallEnded.class, e -> true, WAIT).reason().kind())
                    .isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
        }
        short[] pcm = WavFileSource.readAll(recording);
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(980.0, 1020.0);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void theCallAndListenCommandsPlaceAndAnswerACall() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        Path aliceConf = service().writeClientConfig(alice, SipTransport.TLS);
        Path bobConf = service().writeClientConfig(bob, SipTransport.TLS);
        Path recordings = java.nio.file.Files.createDirectories(dir.resolve("bob-calls"));
        java.io.ByteArrayOutputStream bobOut = new java.io.ByteArrayOutputStream();
        Thread listener = new Thread(() -> cli(bobOut).execute("listen", "--json", "-c", bobConf.toString(),
                "--answer", "auto", "--record-dir", recordings.toString(), "--for", "25s"));
        listener.start();
        org.cusax.it.support.Await.until("bob registered", WAIT,
                () -> service().registeredContacts(bob.name()).size() == 1);

        java.io.ByteArrayOutputStream aliceOut = new java.io.ByteArrayOutputStream();
        int code = cli(aliceOut).execute("call", "--json", "-c", aliceConf.toString(), bob.sipAor(),
                "--tone", "1000", "--dtmf", "42", "--hangup-after", "2");
        String aliceJson = aliceOut.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(code).as("alice's call; output: %s", aliceJson).isZero();
        assertThat(aliceJson).contains("\"call-answered\"").contains("\"call-ended\"");

        org.cusax.it.support.Await.until("bob's recording", WAIT, () -> {
            try (var files = java.nio.file.Files.list(recordings)) {
                return files.anyMatch(f -> f.toString().endsWith(".wav"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        org.cusax.it.support.Await.until("bob saw the DTMF and the end of the call", WAIT, () -> {
            String out = bobOut.toString(java.nio.charset.StandardCharsets.UTF_8);
            return out.contains("\"incoming-call\"") && out.contains("\"dtmf\"") && out.contains("\"call-ended\"");
        });
        Path wav;
        try (var files = java.nio.file.Files.list(recordings)) {
            wav = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }
        short[] pcm = WavFileSource.readAll(wav);
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(980.0, 1020.0);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isGreaterThan(Duration.ofMillis(1200));
        listener.interrupt();
        listener.join(30_000);
    }

    private static org.cusax.app.cli.CusaxCli cli(java.io.ByteArrayOutputStream out) {
        java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        return new org.cusax.app.cli.CusaxCli(new org.cusax.app.assembly.CusaxAssembly(), java.util.Map.of(),
                Path.of(System.getProperty("user.home")), ps, ps);
    }
}
