package org.cusax.media.rtp;

import java.net.InetSocketAddress;

/**
 * Where RTP and RTCP go. Starts at the addresses from SDP; with symmetric RTP (RFC 4961) the first valid
 * packet from the peer moves the target to its source address and port, which is what gets media through
 * NAT. Later moves (a NAT rebinding) are only followed for the same SSRC, so a stray packet from a third
 * party with another SSRC cannot redirect the stream. With SRTP only authenticated packets count.
 */
final class RemoteTarget {
    private final boolean symmetric;
    private InetSocketAddress rtp;
    private InetSocketAddress rtcp;
    private boolean rtpLatched;
    private boolean rtcpLatched;
    private long ssrc = -1;

    RemoteTarget(boolean symmetric) {
        this.symmetric = symmetric;
    }

    synchronized void reset(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
        if (!rtpAddress.equals(rtp)) {
            rtpLatched = false;
            ssrc = -1;
        }
        if (!rtcpAddress.equals(rtcp)) {
            rtcpLatched = false;
        }
        if (!rtpLatched) {
            rtp = rtpAddress;
        }
        if (!rtcpLatched) {
            rtcp = rtcpAddress;
        }
    }

    synchronized void onValidRtp(InetSocketAddress from, long packetSsrc) {
        if (!symmetric) {
            return;
        }
        if (!rtpLatched) {
            rtp = from;
            rtpLatched = true;
            ssrc = packetSsrc;
        } else if (packetSsrc == ssrc && !from.equals(rtp)) {
            rtp = from;
        }
    }

    synchronized void onValidRtcp(InetSocketAddress from) {
        if (symmetric && (!rtcpLatched || !from.equals(rtcp))) {
            rtcp = from;
            rtcpLatched = true;
        }
    }

    synchronized InetSocketAddress rtp() {
        return rtp;
    }

    synchronized InetSocketAddress rtcp(boolean mux) {
        return mux ? rtp : rtcp;
    }
}
