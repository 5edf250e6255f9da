package org.cusax.app.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stable error codes of the API (documented in docs/api.md); each with the HTTP status it maps to. */
public enum ErrorCode {
    /** A parameter is missing, of the wrong type or invalid (e.g. a bad JID, DTMF digit, empty text). */
    BAD_REQUEST(400),
    /** No request token, or a wrong one. */
    UNAUTHORIZED(401),
    /** The request came from a foreign page ({@code Origin} not the daemon's own). */
    FORBIDDEN(403),
    /** No command of that name. */
    UNKNOWN_COMMAND(404),
    /** No such call or contact. */
    NOT_FOUND(404),
    /** The call (or session) is not in a state that allows the command (e.g. hold a ringing call). */
    CONFLICT(409),
    /** The target needs a choice: several numbers, accounts or calls; {@code details.choices} lists them. */
    AMBIGUOUS_TARGET(409),
    /**
     * The call leaves our service (inter-domain, RFC 7081 §5) and {@code routing.confirm-inter-domain} asks
     * the user first: {@code details.reason} says why; repeat with {@code yes: true} to place it.
     */
    CONFIRMATION_REQUIRED(409),
    /** The call cannot be routed: unknown contact, no callable number, no account can call it. */
    NO_ROUTE(422),
    /** Telephony (SIP) is not online or not configured. */
    TELEPHONY_DOWN(503),
    /** Chat (XMPP) is not online or not configured. */
    CHAT_DOWN(503),
    /** Sign-in: the provisioning server refused the user id or password. */
    SIGN_IN_REFUSED(403),
    /** Sign-in: too many attempts; {@code details.retryAfterSeconds} when the server said. */
    THROTTLED(429),
    /** Sign-in: no provisioning server and no service records found: use the manual settings. */
    NOT_DISCOVERED(404),
    /**
     * Sign-in: the provisioning server was refused or not reached; {@code details.kind} says why:
     * {@code insecure-url}, {@code certificate}, {@code unreachable}, {@code server}, {@code invalid-document}.
     */
    PROVISIONING_FAILED(502),
    /** An unexpected failure; the daemon's log says more. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The code as written in JSON, e.g. {@code ambiguous-target}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static Optional<ErrorCode> fromToken(String token) {
        return Arrays.stream(values()).filter(c -> c.token().equals(token)).findFirst();
    }
}
