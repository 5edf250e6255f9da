package org.cusax.media.rtp;

/**
 * Tunables of an {@link RtpSession}.
 *
 * @param jitterDepth packets buffered before playout (3 = 60 ms)
 * @param jitterCapacity most packets the jitter buffer holds
 * @param rtcpIntervalTicks RTCP report interval in 20 ms ticks (250 = 5 s)
 * @param symmetric send to where the peer's packets come from (RFC 4961), for NAT
 * @param cname RTCP SDES CNAME
 */
public record RtpOptions(int jitterDepth, int jitterCapacity, int rtcpIntervalTicks, boolean symmetric, String cname) {
    public RtpOptions {
        if (jitterDepth < 1 || jitterCapacity < jitterDepth || jitterCapacity > 1000) {
            throw new IllegalArgumentException("need 1 <= jitterDepth <= jitterCapacity <= 1000");
        }
        if (rtcpIntervalTicks < 1) {
            throw new IllegalArgumentException("RTCP interval must be at least one tick");
        }
        if (cname == null || cname.isBlank() || cname.length() > 255) {
            throw new IllegalArgumentException("CNAME must be 1..255 characters");
        }
    }

    /** 60 ms jitter depth, 1 s capacity, RTCP every 5 s, symmetric RTP on. */
    public static RtpOptions defaults() {
        return new RtpOptions(3, 50, 250, true, "cusax-" + java.util.UUID.randomUUID());
    }

    public RtpOptions withRtcpIntervalTicks(int ticks) {
        return new RtpOptions(jitterDepth, jitterCapacity, ticks, symmetric, cname);
    }

    public RtpOptions withSymmetric(boolean on) {
        return new RtpOptions(jitterDepth, jitterCapacity, rtcpIntervalTicks, on, cname);
    }
}
