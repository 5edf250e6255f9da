package org.cusax.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;

/** Test helper, shared through the core test-jar: records every status the Telephony port reports and waits for one. */
public final class StatusRecorder implements TelephonyCallbacks {
    private final List<ConnectionStatus> seen = new ArrayList<>();

    @Override
    public synchronized void onStatus(ConnectionStatus status) {
        seen.add(status);
        notifyAll();
    }

    public synchronized List<ConnectionStatus> all() {
        return List.copyOf(seen);
    }

    public synchronized ConnectionStatus last() {
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    /** Waits for a status (seen after the first {@code from} ones) matching {@code wanted}. */
    public synchronized ConnectionStatus await(int from, Predicate<ConnectionStatus> wanted, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        int checked = from;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (wanted.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching Telephony status within " + limit + "; seen: " + describe());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public ConnectionStatus await(ConnectionState state, Duration limit) throws InterruptedException {
        return await(0, s -> s.state() == state, limit);
    }

    public synchronized int count() {
        return seen.size();
    }

    public synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        for (ConnectionStatus s : seen) {
            sb.append("\n  ").append(s.state()).append(s.reason().map(r -> " " + r).orElse(""))
                    .append(s.state() == ConnectionState.ONLINE ? " " + s.security().describe() : "");
        }
        return sb.toString();
    }
}
