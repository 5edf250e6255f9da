package org.cusax.media.sdp;

/** An SDP body that is not valid SDP; the message names the line and what is wrong with it. */
public final class SdpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpParseException(String message) {
        super(message);
    }
}
