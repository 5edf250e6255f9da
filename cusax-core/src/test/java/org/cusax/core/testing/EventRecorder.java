package org.cusax.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.EventListener;

/** Collects events and lets a test wait for one that matches. */
public final class EventRecorder implements EventListener {
    private final List<CusaxEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(CusaxEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<CusaxEvent> events() {
        return List.copyOf(events);
    }

    public <T extends CusaxEvent> List<T> of(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for a matching event; fails with the events seen so far if none comes in time. */
    public synchronized <T extends CusaxEvent> T await(Class<T> type, Predicate<T> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < events.size(); checked++) {
                CusaxEvent e = events.get(checked);
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout
                        + "; events seen: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
