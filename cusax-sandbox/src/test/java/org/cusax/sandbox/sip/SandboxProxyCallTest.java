package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.testing.CallRecorder;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.sip.call.CallMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls between two of our clients through the sandbox proxy, mirroring cusax-sip's KamailioCallTest:
 * RFC 3261 §16 stateful proxying with the §22.3 407 challenge (RFC 8760 SHA-256), §16.6 Record-Route
 * so ACK and BYE follow the dialog through the proxy, §16.10 CANCEL → 487, 486 passed back, and
 * §16.5 / §21.4 404 for an unknown user and 480 for one without a binding. Audio is checked by
 * analysis; over TLS the media is SRTP (RFC 4568).
 */
class SandboxProxyCallTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static SandboxSip sip;

    private JainSipTelephonyPort alice;
    private JainSipTelephonyPort bob;
    private final CallRecorder aliceSees = new CallRecorder();
    private final CallRecorder bobSees = new CallRecorder();
    private String bobUser;

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir));
    }

    @AfterAll
    static void stopSandbox() {
        if (sip != null) {
            sip.stop();
        }
    }

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.stop();
        }
        if (bob != null) {
            bob.stop();
        }
    }

    private static String newUser(String stem) {
        String user = stem + UUID.randomUUID().toString().substring(0, 8);
        sip.addUser(user, "pw-" + user);
        return user;
    }

    private static JainSipTelephonyPort port(String user, Transport transport) {
        return SandboxClients.port(sip, user, "pw-" + user, transport, List.of("SHA-256", "MD5"));
    }

    private void startBoth(Transport transport) throws InterruptedException {
        alice = port(newUser("alice"), transport);
        bobUser = newUser("bob");
        bob = port(bobUser, transport);
        alice.start(aliceSees);
        bob.start(bobSees);
        aliceSees.status.await(ConnectionState.ONLINE, SETTLE);
        bobSees.status.await(ConnectionState.ONLINE, SETTLE);
    }

    private String call(String user, AudioPlan plan) {
        return alice.placeCall(new CallRequest(UUID.randomUUID().toString(), SandboxClients.aor(sip, user), plan));
    }

    @ParameterizedTest(name = "RFC 3261 §16 over {0}: tone and RFC 4733 DTMF arrive, BYE through the proxy ends both")
    @EnumSource(value = Transport.class, names = {"UDP", "TLS"})
    void aToneAndDtmfArriveAndTrafficStopsAfterHangUp(Transport transport) throws Exception {
        startBoth(transport);
        Path recording = dir.resolve("bob-" + transport + "-" + UUID.randomUUID() + ".wav");
        String call = call(bobUser, AudioPlan.silent().playing(new PlaySource.Tone(1000)));

        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        assertThat(incoming.detail()).contains("alice");
        aliceSees.await("ringing", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent().recordingTo(recording));
        aliceSees.await("answered", WAIT);
        bobSees.await("answered", WAIT);

        CallMedia aliceMedia = alice.calls().orElseThrow().media(call).orElseThrow();
        CallMedia bobMedia = bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        if (transport == Transport.TLS) {
            assertThat(aliceMedia.localSdp()).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(bobMedia.negotiated().orElseThrow().isSecure()).isTrue();
        }

        Thread.sleep(2000); // let two seconds of tone flow
        alice.sendDtmf(call, "123");
        for (char digit : "123".toCharArray()) {
            bobSees.await(s -> s.kind().equals("dtmf") && s.detail().equals(String.valueOf(digit)), WAIT);
        }
        assertThat(bobSees.of("dtmf")).extracting(CallRecorder.Seen::detail).containsExactly("1", "2", "3");

        alice.hangUp(call);
        assertThat(aliceSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);

        RtpStatistics aliceAfter = aliceMedia.statistics();
        RtpStatistics bobAfter = bobMedia.statistics();
        assertThat(aliceAfter.rtpPacketsSent()).isPositive();
        assertThat(bobAfter.rtpPacketsReceived()).isPositive();
        assertThat(bobAfter.srtpFailures()).isZero();
        assertThat(aliceMedia.isClosed()).isTrue();
        assertThat(bobMedia.isClosed()).isTrue();

        short[] pcm = WavFileSource.readAll(recording);
        assertThat(Files.size(recording)).isPositive();
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(980.0, 1020.0);
        assertThat(SignalAnalysis.rms(pcm)).isGreaterThan(1000.0);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("RFC 3261 §16.7: a 486 Busy Here from the callee reaches the caller")
    void busyIsPassedBack() throws Exception {
        startBoth(Transport.UDP);
        String call = call(bobUser, AudioPlan.silent());
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.reject(incoming.callId(), 486);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(ended.reason().sipStatus()).hasValue(486);
    }

    @Test
    @DisplayName("RFC 3261 §16.10: a CANCEL while ringing is forwarded and both sides end with 487")
    void cancellingWhileRingingEndsBothSidesWith487() throws Exception {
        startBoth(Transport.TCP);
        String call = call(bobUser, AudioPlan.silent());
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        aliceSees.await("ringing", WAIT);
        alice.hangUp(call);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(ended.reason().sipStatus()).hasValue(487);
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(bob.calls().orElseThrow().media(incoming.callId()).orElseThrow().isClosed()).isTrue();
    }

    @Test
    @DisplayName("RFC 3261 §21.4.5 / §21.4.18: 404 for an unknown user, 480 for a user with no binding")
    void unknownAndUnregisteredUsers() throws Exception {
        startBoth(Transport.UDP);
        String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        call(nobody, AudioPlan.silent());
        CallRecorder.Seen notFound = aliceSees.await("ended", WAIT);
        assertThat(notFound.reason().kind()).isEqualTo(EndReason.Kind.NOT_FOUND);
        assertThat(notFound.reason().sipStatus()).hasValue(404);

        String away = newUser("away");
        String second = call(away, AudioPlan.silent());
        CallRecorder.Seen unavailable = aliceSees.await(s -> s.kind().equals("ended") && s.callId().equals(second),
                WAIT);
        assertThat(unavailable.reason().kind()).isEqualTo(EndReason.Kind.UNAVAILABLE);
        assertThat(unavailable.reason().sipStatus()).hasValue(480);
    }
}
