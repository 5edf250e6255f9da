package org.cusax.media.rtp;

/**
 * A snapshot of one session's counters. Bytes are datagram bytes on the wire (after SRTP). Tests and the
 * "no RTP after hang-up" check compare snapshots: after {@link RtpSession#close()} none of them moves.
 *
 * @param rtpPacketsSent RTP packets sent (audio and telephone-events)
 * @param rtpBytesSent their bytes
 * @param rtpPacketsReceived RTP packets of negotiated media received (after SRTP authentication)
 * @param rtpBytesReceived their bytes
 * @param rtcpPacketsSent RTCP compounds sent
 * @param rtcpPacketsReceived valid RTCP compounds received
 * @param dtmfPacketsSent telephone-event packets among the RTP packets sent
 * @param malformedPackets datagrams dropped: not valid RTP/RTCP, payload type not negotiated, undecodable
 * @param srtpFailures datagrams dropped by SRTP (bad authentication tag, replay)
 * @param packetsLost gaps skipped by the jitter buffer
 * @param packetsLate packets that arrived after their playout point
 * @param packetsDuplicate duplicates dropped
 * @param stalls times the 20 ms tick fell so far behind that it skipped frames rather than catch up
 * @param framesSkipped 20 ms frames those skips left out: neither sent (the RTP timestamp jumped over them,
 *     sequence numbers did not) nor played
 * @param packetsShed packets the jitter buffer dropped unplayed to cut a delay it no longer needed
 * @param framesConcealed 20 ms frames played with no packet for them, concealed (at most 3 in a row; after that
 *     silence is played and not counted)
 */
public record RtpStatistics(long rtpPacketsSent, long rtpBytesSent, long rtpPacketsReceived, long rtpBytesReceived,
        long rtcpPacketsSent, long rtcpPacketsReceived, long dtmfPacketsSent, long malformedPackets,
        long srtpFailures, long packetsLost, long packetsLate, long packetsDuplicate, long stalls,
        long framesSkipped, long packetsShed, long framesConcealed) {

    /** Packets of any kind sent or received; constant once traffic has stopped. */
    public long totalPackets() {
        return rtpPacketsSent + rtpPacketsReceived + rtcpPacketsSent + rtcpPacketsReceived;
    }
}
