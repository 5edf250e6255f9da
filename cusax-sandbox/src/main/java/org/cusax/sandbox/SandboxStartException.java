package org.cusax.sandbox;

/** The sandbox could not start (a port taken, a directory not writable, ...); nothing is left running. */
public final class SandboxStartException extends RuntimeException {
    public SandboxStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
