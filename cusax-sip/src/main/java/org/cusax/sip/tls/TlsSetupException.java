package org.cusax.sip.tls;

/** The TLS policy cannot be built from the configuration (unreadable trust store, no usable protocol). */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public TlsSetupException(String message) {
        super(message);
    }
}
