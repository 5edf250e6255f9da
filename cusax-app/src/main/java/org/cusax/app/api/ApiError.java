package org.cusax.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A typed error as the API returns it: {@code {"code": "...", "message": "...", "details": {...}}}.
 *
 * @param details extra data, e.g. {@code choices} for {@link ErrorCode#AMBIGUOUS_TARGET}; never a secret
 */
public record ApiError(ErrorCode code, String message, Map<String, Object> details) {
    public ApiError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code.token());
        m.put("message", message);
        m.put("details", details);
        return m;
    }

    /** Reads what {@link #toJson} wrote; an unknown code reads as {@link ErrorCode#INTERNAL}. */
    @SuppressWarnings("unchecked")
    public static ApiError fromJson(Map<String, Object> json) {
        Object details = json.get("details");
        return new ApiError(ErrorCode.fromToken(String.valueOf(json.get("code"))).orElse(ErrorCode.INTERNAL),
                String.valueOf(json.getOrDefault("message", "")),
                details instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
    }
}
