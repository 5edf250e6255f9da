package org.cusax.sip.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a call may ring before we give up on it (outgoing: CANCEL, ends NO_ANSWER; incoming: 480
 * Temporarily Unavailable, RFC 3261 §21.4.18), and how long our 200 OK waits for its ACK before we hang up
 * (Timer H = 64·T1 = 32 s, RFC 3261 §13.3.1.4), and how long an answered call may receive nothing while the
 * peer is meant to send (zero: never checked).
 */
public record CallTimeouts(Duration ring, Duration ack, Duration media) {
    /** Timer H with the default T1 of 500 ms. */
    public static final Duration TIMER_H = Duration.ofSeconds(32);

    /** Without a media timeout. */
    public CallTimeouts(Duration ring, Duration ack) {
        this(ring, ack, Duration.ZERO);
    }

    public CallTimeouts {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(media, "media");
        if (media.isNegative()) {
            throw new IllegalArgumentException("the media timeout cannot be negative");
        }
        if (ring.isNegative() || ring.isZero() || ack.isNegative() || ack.isZero()) {
            throw new IllegalArgumentException("call timeouts must be positive");
        }
    }
}
