package org.cusax.app.api;

import java.util.Map;

/** A command refused with a stable {@link ErrorCode}, a message for people and optional details (choices). */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.error = new ApiError(code, message, details);
    }

    public ApiError error() {
        return error;
    }
}
