package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.SETTLE;
import static org.cusax.sip.KamailioPeers.WAIT;
import static org.cusax.sip.KamailioPeers.awaitGrowth;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.PlaySource;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.testing.CallRecorder;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.media.sdp.Direction;
import org.cusax.sip.call.CallMedia;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hold and resume by re-INVITE between two of our clients through a real Kamailio (record-routed dialog):
 * RFC 3264 §8.4 (sendonly/recvonly, inactive when both hold), RFC 6337 §5, the o= version growing with each
 * change (RFC 3264 §8), RFC 3261 §14.1 glare (491 and a retry after the random delay). That media follows is
 * proved by the RTP counters (exact: not one packet from the held side) and by analysing the tone after resume.
 */
class KamailioHoldTest {
    private static final Pattern VERSION = Pattern.compile("o=\\S+ \\d+ (\\d+) ");

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false)
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));

    private static int users;
    private JainSipTelephonyPort alice;
    private JainSipTelephonyPort bob;
    private final CallRecorder aliceSees = new CallRecorder();
    private final CallRecorder bobSees = new CallRecorder();
    private TestUser bobUser;

    @TempDir
    Path dir;

    private static synchronized TestUser newUser(String name) {
        return TB.testbed().createUser(name + "h" + ++users);
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

    private record Call(String aliceId, String bobId, CallMedia aliceMedia, CallMedia bobMedia) {
    }

    /** Alice calls Bob; each plays {@code hz} tone and records what arrives. */
    private Call connect(Transport transport, double aliceHz, double bobHz) throws InterruptedException {
        alice = KamailioPeers.port(TB.testbed(), newUser("alice"), transport, KamailioPeers.settings());
        bobUser = newUser("bob");
        bob = KamailioPeers.port(TB.testbed(), bobUser, transport, KamailioPeers.settings());
        alice.start(aliceSees);
        bob.start(bobSees);
        aliceSees.status.await(ConnectionState.ONLINE, SETTLE);
        bobSees.status.await(ConnectionState.ONLINE, SETTLE);
        String id = alice.placeCall(new CallRequest(UUID.randomUUID().toString(), bobUser.sipAor(),
                AudioPlan.silent().playing(new PlaySource.Tone(aliceHz)).recordingTo(dir.resolve("alice.wav"))));
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent().playing(new PlaySource.Tone(bobHz))
                .recordingTo(dir.resolve("bob.wav")));
        aliceSees.await("answered", WAIT);
        bobSees.await("answered", WAIT);
        Call call = new Call(id, incoming.callId(), alice.calls().orElseThrow().media(id).orElseThrow(),
                bob.calls().orElseThrow().media(incoming.callId()).orElseThrow());
        awaitGrowth("alice's received RTP", () -> call.aliceMedia().statistics().rtpPacketsReceived(), 25);
        awaitGrowth("bob's received RTP", () -> call.bobMedia().statistics().rtpPacketsReceived(), 25);
        return call;
    }

    @Test
    @DisplayName("RFC 3264 §8.4: the caller holds (sendonly), the callee sends nothing; resume (sendrecv) brings the tone back")
    void callerHoldsAndResumes() throws Exception {
        Call call = connect(Transport.UDP, 440, 1000);
        long v0 = version(call.aliceMedia().localSdp());

        alice.hold(call.aliceId());
        assertThat(aliceSees.await("held", WAIT).detail()).isEqualTo("us");
        assertThat(bobSees.await("held", WAIT).detail()).isEqualTo("peer");
        assertThat(call.aliceMedia().localSdp()).contains("a=sendonly");
        assertThat(version(call.aliceMedia().localSdp())).isEqualTo(v0 + 1);
        assertThat(call.aliceMedia().direction()).hasValue(Direction.SENDONLY);
        assertThat(call.bobMedia().direction()).hasValue(Direction.RECVONLY);
        assertHeldSideSilent(call.bobMedia(), call.aliceMedia());

        alice.resume(call.aliceId());
        assertThat(aliceSees.await("resumed", WAIT).detail()).isEqualTo("us");
        assertThat(bobSees.await("resumed", WAIT).detail()).isEqualTo("peer");
        assertThat(call.aliceMedia().localSdp()).contains("a=sendrecv");
        assertThat(version(call.aliceMedia().localSdp())).isEqualTo(v0 + 2);
        awaitGrowth("alice's received RTP after resume", () -> call.aliceMedia().statistics().rtpPacketsReceived(), 75);

        hangUp(call);
        assertLastSecondIsTone(dir.resolve("alice.wav"), 1000);
    }

    @Test
    @DisplayName("RFC 3264 §8.4 over TLS/SRTP: the callee holds and resumes; same ports and keys, no SRTP failure")
    void calleeHoldsAndResumesOverSrtp() throws Exception {
        Call call = connect(Transport.TLS, 1000, 440);
        String crypto = cryptoLine(call.bobMedia().localSdp());
        String port = mLine(call.bobMedia().localSdp());

        bob.hold(call.bobId());
        assertThat(bobSees.await("held", WAIT).detail()).isEqualTo("us");
        assertThat(aliceSees.await("held", WAIT).detail()).isEqualTo("peer");
        assertThat(call.bobMedia().localSdp()).contains("a=sendonly").contains(crypto).contains(port);
        assertHeldSideSilent(call.aliceMedia(), call.bobMedia());

        bob.resume(call.bobId());
        assertThat(bobSees.await("resumed", WAIT).detail()).isEqualTo("us");
        aliceSees.await("resumed", WAIT);
        assertThat(call.bobMedia().localSdp()).contains("a=sendrecv").contains(crypto).contains(port);
        awaitGrowth("bob's received SRTP after resume", () -> call.bobMedia().statistics().rtpPacketsReceived(), 75);
        RtpStatistics bobAfter = call.bobMedia().statistics();
        RtpStatistics aliceAfter = call.aliceMedia().statistics();

        hangUp(call);
        assertThat(bobAfter.srtpFailures()).isZero();
        assertThat(aliceAfter.srtpFailures()).isZero();
        assertThat(bobAfter.malformedPackets()).isZero();
        assertThat(aliceAfter.malformedPackets()).isZero();
        assertLastSecondIsTone(dir.resolve("bob.wav"), 1000);
    }

    @Test
    @DisplayName("RFC 3261 §14.1 glare: both hold at once; 491 and a random-delay retry end with both held (inactive)")
    void bothHoldAtOnce() throws Exception {
        Call call = connect(Transport.UDP, 440, 1000);
        Thread t = new Thread(() -> bob.hold(call.bobId()));
        t.start();
        alice.hold(call.aliceId());
        t.join();
        aliceSees.await(s -> s.kind().equals("held") && s.detail().equals("us"), WAIT);
        bobSees.await(s -> s.kind().equals("held") && s.detail().equals("us"), WAIT);
        aliceSees.await(s -> s.kind().equals("held") && s.detail().equals("peer"), WAIT);
        bobSees.await(s -> s.kind().equals("held") && s.detail().equals("peer"), WAIT);
        assertThat(call.aliceMedia().direction()).hasValue(Direction.INACTIVE);
        assertThat(call.bobMedia().direction()).hasValue(Direction.INACTIVE);
        hangUp(call);
    }

    /** After the hold took effect, {@code held} sends not one packet and {@code holder} receives none. */
    private static void assertHeldSideSilent(CallMedia held, CallMedia holder) throws InterruptedException {
        awaitGrowth("the holder's ticks", () -> holder.statistics().rtcpPacketsSent() + tick(holder), 10);
        long heldSent = held.statistics().rtpPacketsSent();
        long holderReceived = holder.statistics().rtpPacketsReceived();
        awaitGrowth("the holder's sent RTP", () -> holder.statistics().rtpPacketsSent(), 50);
        assertThat(held.statistics().rtpPacketsSent()).isEqualTo(heldSent);
        assertThat(holder.statistics().rtpPacketsReceived()).isEqualTo(holderReceived);
    }

    private static long tick(CallMedia m) {
        return m.statistics().rtpPacketsSent();
    }

    private void hangUp(Call call) throws InterruptedException {
        alice.hangUp(call.aliceId());
        aliceSees.await("ended", WAIT);
        bobSees.await("ended", WAIT);
    }

    private static void assertLastSecondIsTone(Path wav, double hz) throws Exception {
        short[] pcm = WavFileSource.readAll(wav);
        assertThat(pcm.length).isGreaterThan(Pcm.SAMPLE_RATE);
        short[] last = Arrays.copyOfRange(pcm, pcm.length - Pcm.SAMPLE_RATE, pcm.length);
        assertThat(SignalAnalysis.dominantFrequency(last, Pcm.SAMPLE_RATE)).isBetween(hz - 20, hz + 20);
        assertThat(SignalAnalysis.rms(last)).isGreaterThan(1000.0);
    }

    private static long version(String sdp) {
        Matcher m = VERSION.matcher(sdp);
        assertThat(m.find()).as("o= line in %s", sdp).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String cryptoLine(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=crypto:")).findFirst().orElseThrow();
    }

    private static String mLine(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("m=audio")).findFirst().orElseThrow();
    }
}
