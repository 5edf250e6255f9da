package org.cusax.sandbox.xmpp.sasl;

/**
 * A SCRAM exchange that cannot go on; {@link #serverError()} is the RFC 5802 §7 {@code server-error-value}.
 * The message never holds a secret.
 */
public final class ScramException extends Exception {
    private final String serverError;

    public ScramException(String serverError, String message) {
        super(message);
        this.serverError = serverError;
    }

    public String serverError() {
        return serverError;
    }
}
