package org.cusax.core.history;

import java.util.Locale;

import org.cusax.core.call.CallDirection;
import org.cusax.core.call.EndReason;

/** How a call went, as a call log shows it. */
public enum CallOutcome {
    /** Answered (by us or by the far end); the record's duration is the talk time. */
    ANSWERED,
    /** Incoming, and the caller gave up before we answered. */
    MISSED,
    /** Incoming rejected by us, or outgoing declined by the far end. */
    REJECTED,
    /** Rejected as busy (486/600), by us or by the far end. */
    BUSY,
    /** Outgoing, and we hung up before the answer. */
    CANCELLED,
    /** Outgoing, and the far end was unavailable, not found or did not answer. */
    NO_ANSWER,
    /** It failed (network, authentication, no common media…). */
    FAILED;

    /** {@code no-answer} etc., as in JSON. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<CallOutcome> fromToken(String token) {
        for (CallOutcome o : values()) {
            if (o.token().equals(token)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }

    /** The outcome of an ended call. */
    public static CallOutcome of(CallDirection direction, boolean answered, EndReason reason) {
        if (answered) {
            return ANSWERED;
        }
        boolean busy = reason.kind() == EndReason.Kind.BUSY
                || reason.sipStatus().isPresent() && (reason.sipStatus().getAsInt() == 486
                || reason.sipStatus().getAsInt() == 600);
        if (busy) {
            return BUSY;
        }
        if (direction == CallDirection.INCOMING) {
            return switch (reason.kind()) {
                case CANCELLED, HUNG_UP_REMOTELY -> MISSED;
                case REJECTED_LOCALLY, DECLINED, HUNG_UP_LOCALLY -> REJECTED;
                default -> FAILED;
            };
        }
        return switch (reason.kind()) {
            case CANCELLED, HUNG_UP_LOCALLY -> CANCELLED;
            case DECLINED, REJECTED_LOCALLY -> REJECTED;
            case NOT_FOUND, UNAVAILABLE, HUNG_UP_REMOTELY -> NO_ANSWER;
            default -> FAILED;
        };
    }
}
