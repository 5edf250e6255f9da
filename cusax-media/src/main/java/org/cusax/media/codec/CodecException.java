package org.cusax.media.codec;

/** A payload the codec cannot decode, or a codec that cannot be set up. */
public final class CodecException extends Exception {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
