package org.cusax.sandbox.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.connection.ConnectionState;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.core.testing.CallRecorder;
import org.cusax.sandbox.sip.SandboxClients;
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sandbox.sip.SandboxSipOptions;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.sip.call.CallMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo peers, called by our own client through the sandbox proxy: the greeting peer answers
 * (RFC 3261 §13.3.1.4), plays the spoken greeting and hangs up (§15, BYE through the record-routed
 * proxy); the busy peer answers 486 Busy Here (§21.4.24). Over TLS the caller's media is SRTP, and
 * the proxy changes transport to reach the UDP peers (RFC 5658 double Record-Route).
 */
class DemoPeersTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    private static SandboxSip sip;
    private static DemoPeers peers;

    private JainSipTelephonyPort caller;
    private final CallRecorder sees = new CallRecorder();

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir));
        peers = DemoPeers.start(sip, dir);
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
        if (sip != null) {
            sip.stop();
        }
    }

    @AfterEach
    void stopCaller() {
        if (caller != null) {
            caller.stop();
        }
    }

    private void startCaller(Transport transport) throws InterruptedException {
        String user = "caller" + UUID.randomUUID().toString().substring(0, 8);
        sip.addUser(user, "pw-" + user);
        caller = SandboxClients.port(sip, user, "pw-" + user, transport, List.of("SHA-256", "MD5"));
        caller.start(sees);
        sees.status.await(ConnectionState.ONLINE, Duration.ofSeconds(20));
    }

    @ParameterizedTest(name = "over {0}: the greeting peer answers, plays about 2.5 s of speech and hangs up")
    @EnumSource(value = Transport.class, names = {"UDP", "TLS"})
    void theGreetingPeerSpeaksAndHangsUp(Transport transport) throws Exception {
        startCaller(transport);
        Path recording = dir.resolve("greeting-" + transport + ".wav");
        long placedAt = System.nanoTime();
        String call = caller.placeCall(new CallRequest(UUID.randomUUID().toString(),
                SandboxClients.aor(sip, DemoPeers.GREETING_USER), AudioPlan.silent().recordingTo(recording)));
        sees.await("answered", WAIT);
        long answeredAt = System.nanoTime();
        long setupMillis = (answeredAt - placedAt) / 1_000_000;
        java.util.Optional<CallMedia> media = caller.calls().flatMap(c -> c.media(call)); // for the failure message
        CallRecorder.Seen ended = sees.await("ended", GreetingPeer.DEFAULT_HANG_UP_AFTER.plus(WAIT));
        long callMillis = (System.nanoTime() - answeredAt) / 1_000_000;
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);

        short[] pcm = WavFileSource.readAll(recording);
        // the shipped greeting has 2.55 s above the silence threshold; G.711 and jitter change little of that
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE))
                .as("speech in the caller's recording (%d ms of audio; placed to answered %d ms, answered to ended %d ms;"
                        + " caller's RTP %s)", pcm.length * 1000L / Pcm.SAMPLE_RATE, setupMillis, callMillis,
                        media.map(m -> m.statistics().toString()).orElse("(call gone)"))
                .isBetween(Duration.ofMillis(2000), Duration.ofMillis(3300));
        assertThat(SignalAnalysis.rms(pcm)).isGreaterThan(300.0);
        // speech, not a tone: the strongest frequency is in the voice band and much of the call is quiet
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(80.0, 1500.0);
        double seconds = pcm.length / (double) Pcm.SAMPLE_RATE;
        assertThat(seconds).isGreaterThan(3.5);
    }

    @ParameterizedTest(name = "over {0}: the busy peer answers 486 Busy Here")
    @EnumSource(value = Transport.class, names = {"UDP", "TLS"})
    void theBusyPeerIsBusy(Transport transport) throws Exception {
        startCaller(transport);
        String call = caller.placeCall(new CallRequest(UUID.randomUUID().toString(),
                SandboxClients.aor(sip, DemoPeers.BUSY_USER), AudioPlan.silent()));
        CallRecorder.Seen ended = sees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(ended.reason().sipStatus()).hasValue(BusyPeer.BUSY_HERE);
    }
}
