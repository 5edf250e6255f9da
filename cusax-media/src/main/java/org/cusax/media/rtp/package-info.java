/**
 * RTP/RTCP (RFC 3550) for one audio stream: packets, jitter buffer, SR/RR, and {@link org.cusax.media.rtp.RtpSession}
 * with DTMF, SRTP and symmetric RTP (RFC 4961). Hand-written: no maintained, dependency-light Java RTP stack
 * exists (libjitsi's is tied to its framework, jitsi-videobridge's is Kotlin pipeline code).
 */
package org.cusax.media.rtp;
