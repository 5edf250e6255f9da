package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.testing.CallPair.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.testing.CallRecorder;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.sip.testing.CallAudio;
import org.cusax.sip.testing.CallPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.cusax.sip.call.CallMedia;
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

    @TempDir
    static Path dir;
    private static SandboxSip sip;

    private CallPair peers;

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
        if (peers != null) {
            peers.close();
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
        String bob = newUser("bob");
        peers = CallPair.start(port(newUser("alice"), transport), port(bob, transport), SandboxClients.aor(sip, bob));
    }

    @ParameterizedTest(name = "RFC 3261 §16 over {0}: tone and RFC 4733 DTMF arrive, BYE through the proxy ends both")
    @EnumSource(value = Transport.class, names = {"UDP", "TLS"})
    void aToneAndDtmfArriveAndTrafficStopsAfterHangUp(Transport transport) throws Exception {
        startBoth(transport);
        Path recording = dir.resolve("bob-" + transport + "-" + UUID.randomUUID() + ".wav");
        String id = peers.call(AudioPlan.silent().playing(new PlaySource.Tone(1000)));

        assertThat(peers.bobSees.await("incoming", WAIT).detail()).contains("alice");
        peers.aliceSees.await("ringing", WAIT);
        CallPair.Connected call = peers.answer(id, AudioPlan.silent().recordingTo(recording));
        if (transport == Transport.TLS) {
            assertThat(call.aliceMedia().localSdp()).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(call.bobMedia().negotiated().orElseThrow().isSecure()).isTrue();
        }

        CallPair.awaitReceived("two seconds of tone at bob", call.bobMedia(), 100);
        peers.sendDtmf(call, "123");
        peers.aliceHangsUp(call);
        CallPair.awaitMediaStopped(call); // every media thread of both sides ended: the counters are final

        RtpStatistics aliceAfter = call.aliceMedia().statistics();
        RtpStatistics bobAfter = call.bobMedia().statistics();
        assertThat(aliceAfter.rtpPacketsSent()).isPositive();
        assertThat(bobAfter.rtpPacketsReceived()).isGreaterThanOrEqualTo(100);
        assertThat(bobAfter.srtpFailures()).isZero();
        CallAudio.assertToneRecorded(recording, 1000, Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("RFC 3261 §16.7: a 486 Busy Here from the callee reaches the caller")
    void busyIsPassedBack() throws Exception {
        startBoth(Transport.UDP);
        String call = peers.call(AudioPlan.silent());
        CallRecorder.Seen incoming = peers.bobSees.await("incoming", WAIT);
        peers.bob.reject(incoming.callId(), 486);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(ended.reason().sipStatus()).hasValue(486);
    }

    @Test
    @DisplayName("RFC 3261 §16.10: a CANCEL while ringing is forwarded and both sides end with 487")
    void cancellingWhileRingingEndsBothSidesWith487() throws Exception {
        startBoth(Transport.TCP);
        String call = peers.call(AudioPlan.silent());
        CallRecorder.Seen incoming = peers.bobSees.await("incoming", WAIT);
        CallMedia bobMedia = peers.bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        peers.aliceSees.await("ringing", WAIT);
        peers.alice.hangUp(call);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(ended.reason().sipStatus()).hasValue(487);
        assertThat(peers.bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(bobMedia.isClosed()).isTrue();
        assertThat(peers.bob.calls().orElseThrow().media(incoming.callId())).as("an ended call is forgotten").isEmpty();
        assertThat(peers.bob.calls().orElseThrow().liveCalls()).isZero();
        assertThat(peers.bob.liveCalls()).isZero();
    }

    @Test
    @DisplayName("RFC 3261 §21.4.5 / §21.4.18: 404 for an unknown user, 480 for a user with no binding")
    void unknownAndUnregisteredUsers() throws Exception {
        startBoth(Transport.UDP);
        String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        peers.call(SandboxClients.aor(sip, nobody), AudioPlan.silent());
        CallRecorder.Seen notFound = peers.aliceSees.await("ended", WAIT);
        assertThat(notFound.reason().kind()).isEqualTo(EndReason.Kind.NOT_FOUND);
        assertThat(notFound.reason().sipStatus()).hasValue(404);

        String away = newUser("away");
        String second = peers.call(SandboxClients.aor(sip, away), AudioPlan.silent());
        CallRecorder.Seen unavailable = peers.aliceSees.await(
                s -> s.kind().equals("ended") && s.callId().equals(second), WAIT);
        assertThat(unavailable.reason().kind()).isEqualTo(EndReason.Kind.UNAVAILABLE);
        assertThat(unavailable.reason().sipStatus()).hasValue(480);
    }
}
