package org.cusax.provisioning.directory;

/** A directory operation that could not be done, with a message fit for the operator (no secrets). */
public final class DirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectoryException(String message) {
        super(message);
    }

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
