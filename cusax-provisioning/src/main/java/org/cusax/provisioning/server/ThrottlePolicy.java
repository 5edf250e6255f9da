package org.cusax.provisioning.server;

import java.time.Duration;

/**
 * When failed sign-ins slow down or lock a subject (a user id, or a source address). From
 * {@code delayAfter} failures on, each further attempt waits {@code baseDelay × 2^(failures − delayAfter)}
 * (at most {@code maxDelay}); at {@code lockAfter} failures the subject is locked for {@code lockFor}.
 * Failures older than {@code forgetAfter} are forgotten. A successful sign-in clears the user's count.
 */
public record ThrottlePolicy(int userDelayAfter, int userLockAfter, int sourceDelayAfter, int sourceLockAfter,
        Duration baseDelay, Duration maxDelay, Duration lockFor, Duration forgetAfter) {
    /**
     * 5 failures → exponential delay, 20 → 15 minutes locked, per user; per source 10 times more, so that
     * many users behind one address (a company's NAT) are not locked by one of them.
     */
    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, 20, 50, 200, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(15));

    public ThrottlePolicy {
        if (userDelayAfter < 1 || userLockAfter < userDelayAfter || sourceDelayAfter < 1
                || sourceLockAfter < sourceDelayAfter) {
            throw new IllegalArgumentException("throttle thresholds must be positive, delay before lock");
        }
    }

    /** How long a subject with {@code failures} is blocked after its last failure (zero = not blocked). */
    Duration blockAfter(int failures, int delayAfter, int lockAfter) {
        if (failures >= lockAfter) {
            return lockFor;
        }
        if (failures < delayAfter) {
            return Duration.ZERO;
        }
        int exponent = Math.min(30, failures - delayAfter);
        Duration d = baseDelay.multipliedBy(1L << exponent);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
