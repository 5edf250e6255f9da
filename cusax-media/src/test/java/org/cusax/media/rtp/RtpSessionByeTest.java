package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cusax.media.audio.NullSink;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.sdp.Direction;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 3550 §6.3.7 and §6.6: closing a session that has sent RTP ends with one RTCP compound, its last report
 * followed by a BYE for its SSRC, on the peer's RTCP port; a session that never sent RTP or RTCP leaves without
 * one. On 127.0.0.1, the tick run by the test with a clock that only the test moves.
 */
class RtpSessionByeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int WAIT_MS = 20_000;

    private final AtomicLong clock = new AtomicLong(7_000_000_000L);

    private static NegotiatedMedia media(DatagramSocket rtp, DatagramSocket rtcp, Direction direction) {
        return new NegotiatedMedia(new InetSocketAddress(LOOPBACK, rtp.getLocalPort()),
                new InetSocketAddress(LOOPBACK, rtcp.getLocalPort()), PayloadFormat.PCMU, List.of(PayloadFormat.PCMU),
                Optional.empty(), direction, false, Optional.empty());
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        byte[] buf = new byte[2048];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        socket.receive(dp);
        return Arrays.copyOf(buf, dp.getLength());
    }

    @Test
    void rfc3550_6_3_7_closeEndsWithTheLastReportAndAByeOnTheRtcpPort() throws Exception {
        try (DatagramSocket peerRtp = new DatagramSocket(0, LOOPBACK);
                DatagramSocket peerRtcp = new DatagramSocket(0, LOOPBACK)) {
            peerRtp.setSoTimeout(WAIT_MS);
            peerRtcp.setSoTimeout(WAIT_MS);
            RtpSession session = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults(), clock::get);
            session.start(media(peerRtp, peerRtcp, Direction.SENDRECV), new SilenceSource(), new NullSink());
            session.tick();
            RtpPacket sent = RtpPacket.parse(receive(peerRtp));
            assertThat(session.statistics().rtcpPacketsSent()).as("no report due yet").isZero();

            session.close();

            byte[] last = receive(peerRtcp);
            Rtcp.Compound compound = Rtcp.parse(last, last.length);
            assertThat(compound.bye()).isTrue();
            assertThat(compound.reports()).singleElement().satisfies(r -> {
                assertThat(r.packetType()).as("we sent RTP: a sender report").isEqualTo(Rtcp.SR);
                assertThat(r.senderSsrc()).isEqualTo(sent.ssrc());
                assertThat(r.senderInfo().packetCount()).isEqualTo(1);
            });
            byte[] bye = Arrays.copyOfRange(last, last.length - 8, last.length);
            assertThat(bye[0] & 0xFF).as("V=2, one SSRC").isEqualTo(0x81);
            assertThat(bye[1] & 0xFF).isEqualTo(Rtcp.BYE);
            assertThat(RtpPacket.u16(bye, 2)).as("length in 32-bit words minus one").isEqualTo(1);
            assertThat(Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(bye, 4, 4).getInt())).isEqualTo(sent.ssrc());
            RtpStatistics closed = session.statistics();
            assertThat(closed.rtcpPacketsSent()).isEqualTo(1);
            assertThat(closed.rtpPacketsSent()).isEqualTo(1);
            assertThat(session.statistics()).as("nothing moves after close").isEqualTo(closed);
        }
    }

    @Test
    void rfc3550_6_3_7_aSessionThatNeverSentLeavesWithoutBye() throws Exception {
        try (DatagramSocket peerRtp = new DatagramSocket(0, LOOPBACK);
                DatagramSocket peerRtcp = new DatagramSocket(0, LOOPBACK)) {
            RtpSession session = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults(), clock::get);
            // receive-only, and the clock stands before the first report is due: whichever thread runs the first
            // tick (the session's schedule may, at start), nothing goes out
            session.start(media(peerRtp, peerRtcp, Direction.RECVONLY), new SilenceSource(), new NullSink());
            session.tick();
            session.close();
            assertThat(session.statistics().rtcpPacketsSent()).isZero();
            assertThat(session.statistics().rtpPacketsSent()).isZero();
        }
    }
}
