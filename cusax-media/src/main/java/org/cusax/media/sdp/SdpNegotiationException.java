package org.cusax.media.sdp;

/**
 * Valid SDP that cannot be accepted: no common codec, SRTP required but not offered, a rejected stream.
 * In SIP this becomes 488 Not Acceptable Here (RFC 3261 §21.4.26).
 */
public final class SdpNegotiationException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpNegotiationException(String message) {
        super(message);
    }
}
