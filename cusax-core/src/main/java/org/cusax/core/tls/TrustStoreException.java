package org.cusax.core.tls;

/** A trust store that cannot be used, with a message fit for the user (never a secret). */
public final class TrustStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrustStoreException(String message) {
        super(message);
    }

    public TrustStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
