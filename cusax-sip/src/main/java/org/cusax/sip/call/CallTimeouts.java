package org.cusax.sip.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a call may ring before we give up on it (outgoing: CANCEL, ends NO_ANSWER; incoming: 480
 * Temporarily Unavailable, RFC 3261 §21.4.18), and how long our 200 OK waits for its ACK before we hang up
 * (Timer H = 64·T1 = 32 s, RFC 3261 §13.3.1.4).
 */
public record CallTimeouts(Duration ring, Duration ack) {
    /** Timer H with the default T1 of 500 ms. */
    public static final Duration TIMER_H = Duration.ofSeconds(32);

    public CallTimeouts {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(ack, "ack");
        if (ring.isNegative() || ring.isZero() || ack.isNegative() || ack.isZero()) {
            throw new IllegalArgumentException("call timeouts must be positive");
        }
    }
}
