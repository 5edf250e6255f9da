package org.cusax.core.event;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners on one dedicated thread, in publication order, so that a slow UI never
 * blocks a protocol thread and a listener that throws never breaks the others.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cusax-events");
        t.setDaemon(true);
        return t;
    });

    /** Adds a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(EventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(CusaxEvent event) {
        try {
            dispatcher.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            LOG.debug("event after shutdown dropped: {}", event.type());
        }
    }

    private void deliver(CusaxEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener failed on {} event", event.type(), e);
            }
        }
    }

    /** Delivers what is already published, then stops. */
    @Override
    public void close() {
        dispatcher.shutdown();
        try {
            if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)) {
                dispatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            dispatcher.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
