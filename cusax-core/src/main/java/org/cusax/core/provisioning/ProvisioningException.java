package org.cusax.core.provisioning;

import java.time.Duration;
import java.util.Optional;

/** Provisioning did not give a usable document; the message is for the user and holds no secret. */
public final class ProvisioningException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so that the user (and the exit code) can tell the cases apart. */
    public enum Kind {
        /** Not an https:// URL: refused before anything is sent. */
        INSECURE_URL,
        /** The server's certificate was not trusted or not issued for its host name. */
        CERTIFICATE,
        /** 401: wrong user id or password. */
        AUTHENTICATION,
        /** 429: too many attempts; retry later. */
        THROTTLED,
        /** The document is not a valid configuration. */
        INVALID_DOCUMENT,
        /** No answer, refused connection, DNS failure, time-out. */
        UNREACHABLE,
        /** Any other answer (400, 5xx, unexpected type). */
        SERVER,
        /** Discovery found neither a provisioning server nor service records: manual settings needed. */
        NOT_FOUND
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public ProvisioningException(Kind kind, String message) {
        this(kind, message, Optional.empty(), null);
    }

    public ProvisioningException(Kind kind, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#THROTTLED}: how long the server asked us to wait. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
