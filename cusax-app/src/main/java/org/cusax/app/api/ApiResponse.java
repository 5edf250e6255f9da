package org.cusax.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one command, as every transport returns it (baresip ctrl_tcp's {@code response}):
 * {@code {"command": NAME, "ok": true, "data": RESULT}} or {@code {"command": NAME, "ok": false, "error": ERROR}}.
 *
 * @param data the result (JSON-ready maps, lists and scalars) when ok, else null
 */
public record ApiResponse(String command, Object data, Optional<ApiError> error) {
    public ApiResponse {
        Objects.requireNonNull(command, "command");
        error = error == null ? Optional.empty() : error;
    }

    public static ApiResponse ok(String command, Object data) {
        return new ApiResponse(command, data, Optional.empty());
    }

    public static ApiResponse failed(String command, ApiError error) {
        return new ApiResponse(command, null, Optional.of(error));
    }

    public boolean ok() {
        return error.isEmpty();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("ok", ok());
        if (ok()) {
            m.put("data", data);
        } else {
            m.put("error", error.get().toJson());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ApiResponse fromJson(Map<String, Object> json) {
        String command = String.valueOf(json.get("command"));
        if (Boolean.TRUE.equals(json.get("ok"))) {
            return ok(command, json.get("data"));
        }
        Object error = json.get("error");
        return failed(command, error instanceof Map<?, ?> e ? ApiError.fromJson((Map<String, Object>) e)
                : new ApiError(ErrorCode.INTERNAL, "malformed response", Map.of()));
    }
}
