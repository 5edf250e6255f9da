package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.WAIT;
import static org.cusax.sip.KamailioPeers.awaitGrowth;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.media.sdp.Direction;
import org.cusax.sip.call.CallMedia;
import org.cusax.sip.testing.CallAudio;
import org.cusax.sip.testing.CallPair;
import org.cusax.sip.testing.CallPair.Connected;
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

    private CallPair peers;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    /** Alice calls Bob; each plays {@code hz} tone and records what arrives. */
    private Connected connect(Transport transport, double aliceHz, double bobHz) throws InterruptedException {
        peers = KamailioPeers.pair(TB.testbed(), transport);
        Connected call = peers.connect(
                AudioPlan.silent().playing(new PlaySource.Tone(aliceHz)).recordingTo(dir.resolve("alice.wav")),
                AudioPlan.silent().playing(new PlaySource.Tone(bobHz)).recordingTo(dir.resolve("bob.wav")));
        awaitGrowth("alice's received RTP", () -> call.aliceMedia().statistics().rtpPacketsReceived(), 25);
        awaitGrowth("bob's received RTP", () -> call.bobMedia().statistics().rtpPacketsReceived(), 25);
        return call;
    }

    @Test
    @DisplayName("RFC 3264 §8.4: the caller holds (sendonly), the callee sends nothing; resume (sendrecv) brings the tone back")
    void callerHoldsAndResumes() throws Exception {
        Connected call = connect(Transport.UDP, 440, 1000);
        long v0 = version(call.aliceMedia().localSdp());

        peers.alice.hold(call.aliceId());
        assertThat(peers.aliceSees.await("held", WAIT).detail()).isEqualTo("us");
        assertThat(peers.bobSees.await("held", WAIT).detail()).isEqualTo("peer");
        assertThat(call.aliceMedia().localSdp()).contains("a=sendonly");
        assertThat(version(call.aliceMedia().localSdp())).isEqualTo(v0 + 1);
        assertThat(call.aliceMedia().direction()).hasValue(Direction.SENDONLY);
        assertThat(call.bobMedia().direction()).hasValue(Direction.RECVONLY);
        assertHeldSideSilent(call.bobMedia(), call.aliceMedia());

        peers.alice.resume(call.aliceId());
        assertThat(peers.aliceSees.await("resumed", WAIT).detail()).isEqualTo("us");
        assertThat(peers.bobSees.await("resumed", WAIT).detail()).isEqualTo("peer");
        assertThat(call.aliceMedia().localSdp()).contains("a=sendrecv");
        assertThat(version(call.aliceMedia().localSdp())).isEqualTo(v0 + 2);
        awaitGrowth("alice's received RTP after resume", () -> call.aliceMedia().statistics().rtpPacketsReceived(), 75);

        peers.aliceHangsUp(call);
        CallAudio.assertLastSecondIsTone(dir.resolve("alice.wav"), 1000);
    }

    @Test
    @DisplayName("RFC 3264 §8.4 over TLS/SRTP: the callee holds and resumes; same ports and keys, no SRTP failure")
    void calleeHoldsAndResumesOverSrtp() throws Exception {
        Connected call = connect(Transport.TLS, 1000, 440);
        String crypto = cryptoLine(call.bobMedia().localSdp());
        String port = mLine(call.bobMedia().localSdp());

        peers.bob.hold(call.bobId());
        assertThat(peers.bobSees.await("held", WAIT).detail()).isEqualTo("us");
        assertThat(peers.aliceSees.await("held", WAIT).detail()).isEqualTo("peer");
        assertThat(call.bobMedia().localSdp()).contains("a=sendonly").contains(crypto).contains(port);
        assertHeldSideSilent(call.aliceMedia(), call.bobMedia());

        peers.bob.resume(call.bobId());
        assertThat(peers.bobSees.await("resumed", WAIT).detail()).isEqualTo("us");
        peers.aliceSees.await("resumed", WAIT);
        assertThat(call.bobMedia().localSdp()).contains("a=sendrecv").contains(crypto).contains(port);
        awaitGrowth("bob's received SRTP after resume", () -> call.bobMedia().statistics().rtpPacketsReceived(), 75);
        RtpStatistics bobAfter = call.bobMedia().statistics();
        RtpStatistics aliceAfter = call.aliceMedia().statistics();

        peers.aliceHangsUp(call);
        assertThat(bobAfter.srtpFailures()).isZero();
        assertThat(aliceAfter.srtpFailures()).isZero();
        assertThat(bobAfter.malformedPackets()).isZero();
        assertThat(aliceAfter.malformedPackets()).isZero();
        CallAudio.assertLastSecondIsTone(dir.resolve("bob.wav"), 1000);
    }

    @Test
    @DisplayName("RFC 3261 §14.1 glare: both hold at once; 491 and a random-delay retry end with both held (inactive)")
    void bothHoldAtOnce() throws Exception {
        Connected call = connect(Transport.UDP, 440, 1000);
        Thread t = new Thread(() -> peers.bob.hold(call.bobId()));
        t.start();
        peers.alice.hold(call.aliceId());
        t.join();
        peers.aliceSees.await(s -> s.kind().equals("held") && s.detail().equals("us"), WAIT);
        peers.bobSees.await(s -> s.kind().equals("held") && s.detail().equals("us"), WAIT);
        peers.aliceSees.await(s -> s.kind().equals("held") && s.detail().equals("peer"), WAIT);
        peers.bobSees.await(s -> s.kind().equals("held") && s.detail().equals("peer"), WAIT);
        assertThat(call.aliceMedia().direction()).hasValue(Direction.INACTIVE);
        assertThat(call.bobMedia().direction()).hasValue(Direction.INACTIVE);
        peers.aliceHangsUp(call);
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
