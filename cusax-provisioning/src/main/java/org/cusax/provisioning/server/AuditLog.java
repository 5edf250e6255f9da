package org.cusax.provisioning.server;

import java.time.Clock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning audit trail: one line per sign-in attempt (time, endpoint, user id as typed, source
 * address, outcome). Never a password: the record has no field for one. Goes to the SLF4J logger
 * {@code cusax.provisioning.audit} unless another sink is given.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("cusax.provisioning.audit");
    private final Clock clock;
    private final Consumer<String> sink;

    public AuditLog(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    public static AuditLog toLogger(Clock clock) {
        return new AuditLog(clock, LOG::info);
    }

    /** Records one attempt; {@code user} is what the client typed (quoted, control characters removed). */
    public void record(String endpoint, String user, String source, String outcome) {
        sink.accept("time=" + clock.instant() + " endpoint=" + endpoint + " user=\"" + clean(user) + "\" source="
                + clean(source) + " outcome=" + outcome);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
        return t.length() > 100 ? t.substring(0, 100) + "…" : t;
    }
}
