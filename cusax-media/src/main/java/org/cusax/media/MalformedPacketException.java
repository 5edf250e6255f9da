package org.cusax.media;

/** A received packet (RTP, RTCP, telephone-event payload) that does not follow its format. Never fatal. */
public final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
