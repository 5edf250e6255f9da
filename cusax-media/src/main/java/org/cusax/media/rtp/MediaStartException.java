package org.cusax.media.rtp;

/** A negotiated session that cannot start here: a codec or the SRTP engine failed to set up. */
public final class MediaStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
