package org.cusax.media.sdp;

/** Our answer to an offer: the SDP to send back and the media it sets up. */
public record Answer(SessionDescription sdp, NegotiatedMedia media) {
}
