package org.cusax.xmpp.tls;

/** TLS cannot be set up as configured (e.g. the trust store is missing); the message says why. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
