package org.cusax.media.device;

/** A sound device that cannot be used; the message says why, for the user. */
public final class DeviceUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }

    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
