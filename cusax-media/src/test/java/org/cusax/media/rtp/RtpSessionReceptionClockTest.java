package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cusax.core.testing.Eventually;
import org.cusax.media.audio.NullSink;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.codec.G711Codec;
import org.cusax.media.sdp.Direction;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.junit.jupiter.api.Test;

/**
 * Arrival times come from the session's injected clock, like its tick: the interarrival jitter it reports (RFC 3550
 * §6.4.1, computed as in A.8) follows the arrival instants the test sets, not the machine's, so its value is exact.
 */
class RtpSessionReceptionClockTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final AtomicLong clock = new AtomicLong(7_000_000_000L);

    @Test
    void rfc3550_6_4_1_theJitterInTheReceiverReportFollowsTheInjectedClock() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK);
                DatagramSocket peerRtcp = new DatagramSocket(0, LOOPBACK);
                RtpSession a = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults().withRtcpIntervalTicks(4),
                        clock::get)) {
            peerRtcp.setSoTimeout((int) WAIT.toMillis());
            long start = clock.get();
            a.start(new NegotiatedMedia(new InetSocketAddress(LOOPBACK, peer.getLocalPort()),
                    new InetSocketAddress(LOOPBACK, peerRtcp.getLocalPort()), PayloadFormat.PCMU,
                    List.of(PayloadFormat.PCMU), Optional.empty(), Direction.SENDRECV, false, Optional.empty()),
                    new SilenceSource(), new NullSink());
            // packets 20 ms apart in media time; the third arrives 10 ms late (80 units at 8 kHz)
            long[] arrivalMillis = {0, 20, 50, 60, 80};
            byte[] payload = G711Codec.pcmu().encode(new short[160]);
            for (int k = 0; k < arrivalMillis.length; k++) {
                clock.set(start + TimeUnit.MILLISECONDS.toNanos(arrivalMillis[k]));
                byte[] bytes = RtpPacket.of(k == 0, 0, 500 + k, 160L * k, 0xABCD, payload).toBytes();
                peer.send(new DatagramPacket(bytes, bytes.length, a.localAddress()));
                int received = k + 1;
                assertThat(Eventually.holds(() -> a.statistics().rtpPacketsReceived() == received, WAIT)).isTrue();
            }
            for (int i = 1; i <= 4; i++) { // 4 more frames: an RTCP report goes out within them
                clock.set(start + TimeUnit.MILLISECONDS.toNanos(80 + 20 * i));
                a.tick(); // the frame now due (or nothing, if the session's own schedule ran it first)
            }

            Rtcp.ReportBlock block = receiveBlockUpTo(peerRtcp, 504); // the session's own ticks may report earlier
            // A.8: J += (|D| - J) / 16 with D = 0, 80, 80, 0 (transit differences in timestamp units)
            double j = 0;
            for (double d : new double[] {0, 80, 80, 0}) {
                j += (d - j) / 16;
            }
            assertThat(block.ssrc()).isEqualTo(0xABCD);
            assertThat(block.jitter()).isEqualTo((long) j).isEqualTo(9);
        }
    }

    /** The first report block that covers every packet up to {@code highestSequence}. */
    private static Rtcp.ReportBlock receiveBlockUpTo(DatagramSocket rtcp, long highestSequence) throws Exception {
        byte[] buf = new byte[2048];
        while (true) {
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            rtcp.receive(dp);
            for (Rtcp.Report r : Rtcp.parse(buf, dp.getLength()).reports()) {
                if (!r.blocks().isEmpty() && r.blocks().get(0).extendedHighestSequence() == highestSequence) {
                    return r.blocks().get(0);
                }
            }
        }
    }
}
