package org.cusax.core.connection;

import java.time.Duration;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Jittered exponential backoff for reconnection: attempt n waits
 * {@code min(max, initial * multiplier^(n-1))} scaled by a random factor in {@code [1 - jitter, 1]}
 * ("equal jitter" family), so that many clients that lost the same server do not come back in step.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final double jitter;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, double multiplier, double jitter) {
        this(initial, max, multiplier, jitter, new Random()::nextDouble);
    }

    /** @param random source of uniform values in [0, 1), injectable for tests */
    public Backoff(Duration initial, Duration max, double multiplier, double jitter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial reconnect delay must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum reconnect delay is below the initial delay");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("reconnect multiplier must be at least 1");
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("reconnect jitter must be within 0..1");
        }
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.random = random;
    }

    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.5);
    }

    /** The delay before attempt {@code attempt} (1-based). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        double ceiling = initial.toMillis() * Math.pow(multiplier, Math.min(attempt - 1, 62));
        double capped = Math.min(ceiling, max.toMillis());
        double factor = 1.0 - jitter * random.getAsDouble();
        return Duration.ofMillis(Math.max(1L, Math.round(capped * factor)));
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }
}
