package org.cusax.media.sdp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cusax.media.srtp.SrtpParameters;

/**
 * The outcome of one offer/answer exchange, as the RTP session needs it: where to send RTP and RTCP (until
 * symmetric RTP learns better), the codec to send, the codecs we accept, the telephone-event format, our
 * direction, rtcp-mux, and the SRTP keys when media is encrypted.
 */
public record NegotiatedMedia(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, PayloadFormat sendFormat,
        List<PayloadFormat> receiveFormats, Optional<PayloadFormat> dtmf, Direction direction, boolean rtcpMux,
        Optional<SrtpParameters> srtp) {

    public NegotiatedMedia {
        Objects.requireNonNull(remoteRtp, "remoteRtp");
        Objects.requireNonNull(remoteRtcp, "remoteRtcp");
        Objects.requireNonNull(sendFormat, "sendFormat");
        receiveFormats = List.copyOf(receiveFormats);
        if (receiveFormats.isEmpty()) {
            throw new IllegalArgumentException("at least one receive format is needed");
        }
        Objects.requireNonNull(dtmf, "dtmf");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(srtp, "srtp");
    }

    /** True when media is SRTP. */
    public boolean isSecure() {
        return srtp.isPresent();
    }
}
