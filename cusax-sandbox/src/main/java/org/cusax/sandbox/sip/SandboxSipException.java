package org.cusax.sandbox.sip;

/** The sandbox SIP service could not start (port taken, certificate not made, ...). */
public final class SandboxSipException extends Exception {
    public SandboxSipException(String message, Throwable cause) {
        super(message, cause);
    }
}
