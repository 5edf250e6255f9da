package org.cusax.app.daemon;

import java.util.Optional;
import java.util.function.IntSupplier;

import org.cusax.app.api.ApiError;
import org.cusax.app.api.ErrorCode;

/**
 * Who may drive the daemon: a request must carry the daemon's token ({@code Authorization: Bearer}),
 * name the daemon itself as {@code Host} (127.0.0.1 or localhost with its port: defeats DNS rebinding),
 * and carry either no {@code Origin} (a program) or the daemon's own {@code http://127.0.0.1:PORT}
 * (a page it served): another page open in the user's browser can do nothing.
 */
final class RequestGuard {
    private final DaemonToken token;
    private final IntSupplier port;

    RequestGuard(DaemonToken token, IntSupplier port) {
        this.token = token;
        this.port = port;
    }

    /** Why the request is refused, or empty when it may go on. */
    Optional<ApiError> check(String authorization, String origin, String host) {
        int p = port.getAsInt();
        if (origin != null && !origin.equals("http://127.0.0.1:" + p) && !origin.equals("http://localhost:" + p)) {
            // the Origin is not echoed: a refusal reflects nothing a page sent
            return Optional.of(new ApiError(ErrorCode.FORBIDDEN, "requests from other pages are refused (foreign Origin)",
                    java.util.Map.of()));
        }
        if (host != null && !host.equals("127.0.0.1:" + p) && !host.equals("localhost:" + p)) {
            return Optional.of(new ApiError(ErrorCode.FORBIDDEN, "wrong Host: the daemon answers as 127.0.0.1:" + p,
                    java.util.Map.of()));
        }
        if (!token.accepts(authorization)) {
            return Optional.of(new ApiError(ErrorCode.UNAUTHORIZED, authorization == null
                    ? "no token: send Authorization: Bearer TOKEN (the token file is in the daemon's state directory)"
                    : "wrong token", java.util.Map.of()));
        }
        return Optional.empty();
    }
}
