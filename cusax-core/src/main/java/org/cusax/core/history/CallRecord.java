package org.cusax.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cusax.core.call.CallDirection;

/**
 * One call in the history.
 *
 * @param callId    our id of the call
 * @param at        when it was placed or arrived
 * @param direction who placed it
 * @param remote    the far end's address (SIP URI)
 * @param contact   the roster contact it was bound to, if any
 * @param duration  talk time (zero when not answered)
 * @param outcome   how it went
 */
public record CallRecord(String callId, Instant at, CallDirection direction, String remote, Optional<String> contact,
                         Duration duration, CallOutcome outcome) implements HistoryEntry {
    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a call lasts zero or more");
        }
    }

    @Override
    public String kind() {
        return "call";
    }
}
