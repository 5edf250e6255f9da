package org.cusax.media.sdp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.cusax.media.srtp.SrtpKey;

/**
 * What the local side offers or accepts: where its RTP socket is, its audio codecs in preference order,
 * whether it does RFC 4733 DTMF, its direction (hold = sendonly), how much SRTP it wants, rtcp-mux, and
 * its SDES key (fresh per call). Immutable; change with the {@code with*} methods.
 */
public record LocalMedia(InetSocketAddress rtpAddress, List<PayloadFormat> codecs, boolean dtmf, Direction direction,
        SrtpMode srtp, boolean rtcpMux, SrtpKey srtpKey) {

    public LocalMedia {
        Objects.requireNonNull(rtpAddress, "rtpAddress");
        if (rtpAddress.isUnresolved() || rtpAddress.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("the RTP address goes into c=, so it must be a concrete address, not "
                    + rtpAddress);
        }
        if (rtpAddress.getPort() == 0) {
            throw new IllegalArgumentException("bind the RTP socket first: port 0 cannot be offered");
        }
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty() || codecs.stream().anyMatch(c -> c.isTelephoneEvent() || c.isComfortNoise())) {
            throw new IllegalArgumentException("at least one audio codec is needed (telephone-event is not one)");
        }
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(srtpKey, "srtpKey");
    }

    /** PCMU and PCMA, DTMF, sendrecv, best-effort SRTP with a fresh key, no rtcp-mux. */
    public static LocalMedia defaults(InetSocketAddress rtpAddress) {
        return new LocalMedia(rtpAddress, List.of(PayloadFormat.PCMU, PayloadFormat.PCMA), true, Direction.SENDRECV,
                SrtpMode.OPTIONAL, false, SrtpKey.generate());
    }

    public LocalMedia withCodecs(List<PayloadFormat> list) {
        return new LocalMedia(rtpAddress, list, dtmf, direction, srtp, rtcpMux, srtpKey);
    }

    public LocalMedia withDirection(Direction d) {
        return new LocalMedia(rtpAddress, codecs, dtmf, d, srtp, rtcpMux, srtpKey);
    }

    public LocalMedia withSrtp(SrtpMode mode) {
        return new LocalMedia(rtpAddress, codecs, dtmf, direction, mode, rtcpMux, srtpKey);
    }

    public LocalMedia withRtcpMux(boolean on) {
        return new LocalMedia(rtpAddress, codecs, dtmf, direction, srtp, on, srtpKey);
    }

    public LocalMedia withDtmf(boolean on) {
        return new LocalMedia(rtpAddress, codecs, on, direction, srtp, rtcpMux, srtpKey);
    }

    /** The host part for c= and o=. */
    String host() {
        return rtpAddress.getAddress().getHostAddress();
    }
}
