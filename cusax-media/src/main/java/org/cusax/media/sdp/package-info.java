/**
 * SDP (RFC 4566) and RFC 3264 offer/answer for one audio stream: immutable model, strict parser, writer, and
 * {@link org.cusax.media.sdp.SdpNegotiator}. Hand-written because JAIN-SIP's {@code javax.sdp} is unmaintained and
 * fails badly on malformed input (see {@link org.cusax.media}).
 */
package org.cusax.media.sdp;
