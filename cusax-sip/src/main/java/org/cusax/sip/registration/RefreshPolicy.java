package org.cusax.sip.registration;

import java.time.Duration;

/**
 * When to refresh a registration the registrar granted for a given time: with a safety margin of a
 * tenth of the lifetime but at least 5 s, and halfway through when the lifetime is too short for that
 * margin (10 s or less). 600 s → after 540 s; 60 s → 54 s; 30 s → 25 s; 10 s → 5 s.
 */
public final class RefreshPolicy {
    static final Duration MIN_MARGIN = Duration.ofSeconds(5);

    private RefreshPolicy() {
    }

    public static Duration refreshAfter(Duration granted) {
        if (granted.isNegative() || granted.isZero()) {
            throw new IllegalArgumentException("a granted registration lifetime must be positive");
        }
        long ms = granted.toMillis();
        long margin = Math.max(ms / 10, MIN_MARGIN.toMillis());
        if (margin >= ms / 2) {
            return Duration.ofMillis(Math.max(1, ms / 2));
        }
        return Duration.ofMillis(ms - margin);
    }
}
