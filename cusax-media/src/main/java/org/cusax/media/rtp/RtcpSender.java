package org.cusax.media.rtp;

import java.util.function.LongSupplier;
import org.cusax.media.srtp.SrtpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's own RTCP: the periodic report, an SR once we have sent RTP, else an RR, with SDES CNAME (RFC 3550
 * §6.4, §6.5), and the BYE that ends the session (§6.3.7); SRTCP-protected when the media is (RFC 3711), sent to
 * the peer's RTCP port or, with rtcp-mux, its RTP port (RFC 5761).
 */
final class RtcpSender {
    private static final Logger LOG = LoggerFactory.getLogger(RtcpSender.class);
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private final long ssrc;
    private final String cname;
    private final Counters counters;
    private final ReceptionStatistics reception;
    private final LongSupplier clock;
    private final RtpSockets sockets;
    private final RemoteTarget target;

    RtcpSender(long ssrc, String cname, Counters counters, ReceptionStatistics reception, LongSupplier clock,
            RtpSockets sockets, RemoteTarget target) {
        this.ssrc = ssrc;
        this.cname = cname;
        this.counters = counters;
        this.reception = reception;
        this.clock = clock;
        this.sockets = sockets;
        this.target = target;
    }

    /** Our report; {@code rtpTimestamp} is the RTP timestamp of the media clock now. */
    void report(MediaState s, long rtpTimestamp) {
        transmit(s, compound(rtpTimestamp));
    }

    /**
     * Leaving, a participant sends a BYE after its last report, so the peer need not wait for a timeout to know
     * the stream ended; one that never sent RTP or RTCP must not (RFC 3550 §6.3.7).
     */
    void bye(MediaState s, long rtpTimestamp) {
        if (counters.rtpPacketsSent.get() > 0 || counters.rtcpPacketsSent.get() > 0) {
            transmit(s, Rtcp.withBye(compound(rtpTimestamp), ssrc));
        }
    }

    private byte[] compound(long rtpTimestamp) {
        long sent = counters.rtpPacketsSent.get();
        Rtcp.SenderInfo info = sent == 0 ? null
                : new Rtcp.SenderInfo(ntpNow(), rtpTimestamp, sent, counters.payloadOctetsSent.get());
        return Rtcp.compound(ssrc, info, reception.reportBlock(clock.getAsLong()), cname);
    }

    private void transmit(MediaState s, byte[] compound) {
        byte[] bytes = compound;
        if (s.srtpOut != null) {
            try {
                bytes = s.srtpOut.protectRtcp(bytes);
            } catch (SrtpException e) {
                LOG.warn("SRTCP protect failed: {}", e.getMessage());
                return;
            }
        }
        boolean mux = s.media.rtcpMux();
        if (RtpSockets.transmit(mux ? sockets.rtp : sockets.rtcp, bytes, target.rtcp(mux))) {
            counters.rtcpPacketsSent.incrementAndGet();
        }
    }

    private static long ntpNow() {
        long ms = System.currentTimeMillis();
        long seconds = ms / 1000 + NTP_EPOCH_OFFSET;
        long fraction = ((ms % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }
}
