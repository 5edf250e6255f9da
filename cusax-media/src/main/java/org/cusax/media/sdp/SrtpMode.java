package org.cusax.media.sdp;

/** How much SRTP the local side asks for. */
public enum SrtpMode {
    /** Plain RTP only; offers carry no {@code a=crypto}. */
    DISABLED,
    /**
     * Offer RTP/AVP with {@code a=crypto} (best-effort SRTP, as baresip's {@code mediaenc=srtp}): encrypted
     * when the peer answers with a key, plain otherwise. The default over UDP and TCP.
     */
    OPTIONAL,
    /** Offer RTP/SAVP; refuse media without SRTP. Use it whenever SIP runs over TLS. */
    MANDATORY;

    /** SRTP is always offered; it is required when SIP runs over TLS (keys travel in the SDP, RFC 4568 §8.3). */
    public static SrtpMode forSignalling(boolean sipOverTls) {
        return sipOverTls ? MANDATORY : OPTIONAL;
    }
}
