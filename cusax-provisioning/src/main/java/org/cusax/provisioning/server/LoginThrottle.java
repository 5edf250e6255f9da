package org.cusax.provisioning.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.cusax.provisioning.directory.Transactions;

/**
 * Per-user and per-source throttling with temporary lockout, counted in the directory database
 * ({@code login_throttle}), so that every provisioning server on that database sees the same counters and
 * several instances behind one name throttle as one. Time comes from the injected {@link Clock}.
 */
public final class LoginThrottle {
    private final DataSource db;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public LoginThrottle(DataSource db, ThrottlePolicy policy, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.clock = clock;
    }

    /** How long the user or the source must still wait; zero when neither is blocked. */
    public Duration blocked(String user, String source) {
        long now = clock.millis();
        return Transactions.run(db, c -> {
            long until = Math.max(blockedUntil(c, userKey(user)), blockedUntil(c, sourceKey(source)));
            return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
        });
    }

    /**
     * Counts one failed sign-in for the user and for the source, and drops the rows of subjects whose
     * failures are forgotten (so guessed user names do not pile up: only live counters are kept).
     */
    public void failure(String user, String source) {
        count(userKey(user), policy.userDelayAfter(), policy.userLockAfter());
        count(sourceKey(source), policy.sourceDelayAfter(), policy.sourceLockAfter());
        purgeForgotten();
    }

    /** How many subjects have counters now (for tests and the operator). */
    public int liveSubjects() {
        return Transactions.run(db, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM login_throttle");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private void purgeForgotten() {
        long now = clock.millis();
        Transactions.run(db, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM login_throttle WHERE last_failure_ms < ? AND blocked_until_ms <= ?")) {
                s.setLong(1, now - policy.forgetAfter().toMillis());
                s.setLong(2, now);
                return s.executeUpdate();
            }
        });
    }

    /** A successful sign-in clears the user's failures (the source's stay until forgotten). */
    public void success(String user) {
        Transactions.run(db, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM login_throttle WHERE subject = ?")) {
                s.setString(1, userKey(user));
                return s.executeUpdate();
            }
        });
    }

    private void count(String subject, int delayAfter, int lockAfter) {
        try {
            countOnce(subject, delayAfter, lockAfter);
        } catch (RuntimeException e) {
            // another instance inserted the same subject at the same moment: the row exists now
            countOnce(subject, delayAfter, lockAfter);
        }
    }

    private void countOnce(String subject, int delayAfter, int lockAfter) {
        long now = clock.millis();
        Transactions.run(db, c -> {
            int failures;
            long blockedUntil;
            long last;
            try (PreparedStatement s = c.prepareStatement("SELECT failures, last_failure_ms, blocked_until_ms "
                    + "FROM login_throttle WHERE subject = ? FOR UPDATE")) {
                s.setString(1, subject);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        insert(c, subject, now, now + policy.blockAfter(1, delayAfter, lockAfter).toMillis());
                        return null;
                    }
                    failures = r.getInt(1);
                    last = r.getLong(2);
                    blockedUntil = r.getLong(3);
                }
            }
            if (blockedUntil <= now && now - last > policy.forgetAfter().toMillis()) {
                failures = 0;
            }
            failures++;
            long until = now + policy.blockAfter(failures, delayAfter, lockAfter).toMillis();
            try (PreparedStatement s = c.prepareStatement("UPDATE login_throttle SET failures = ?, last_failure_ms = ?, "
                    + "blocked_until_ms = ? WHERE subject = ?")) {
                s.setInt(1, failures);
                s.setLong(2, now);
                s.setLong(3, Math.max(until, blockedUntil));
                s.setString(4, subject);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void insert(Connection c, String subject, long now, long until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO login_throttle (subject, failures, last_failure_ms, "
                + "blocked_until_ms) VALUES (?, 1, ?, ?)")) {
            s.setString(1, subject);
            s.setLong(2, now);
            s.setLong(3, until);
            s.executeUpdate();
        }
    }

    private static long blockedUntil(Connection c, String subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT blocked_until_ms FROM login_throttle WHERE subject = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private static String userKey(String user) {
        String u = user == null ? "" : user.strip().toLowerCase(java.util.Locale.ROOT);
        return "user:" + (u.length() > 300 ? u.substring(0, 300) : u);
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }
}
