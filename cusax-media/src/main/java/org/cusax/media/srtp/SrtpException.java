package org.cusax.media.srtp;

/** A packet that fails SRTP authentication or replay checks, or an SRTP engine that cannot start. */
public final class SrtpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SrtpException(String message) {
        super(message);
    }

    public SrtpException(String message, Throwable cause) {
        super(message, cause);
    }
}
