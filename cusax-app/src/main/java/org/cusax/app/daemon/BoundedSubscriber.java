package org.cusax.app.daemon;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event subscriber with its own bounded queue and its own sender: the event thread only offers
 * (never waits); a subscriber that falls {@code capacity} events behind is dropped, told why through
 * {@code onDropped}, and the session goes on.
 */
public final class BoundedSubscriber implements EventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedSubscriber.class);
    private static final String STOP = new String("stop");

    private final String name;
    private final BlockingQueue<String> queue;
    private final Function<CusaxEvent, String> encoder;
    private final Consumer<String> sink;
    private final Consumer<String> onDropped;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile AutoCloseable subscription;

    /**
     * @param sink      writes one encoded event (may block: it runs on the subscriber's own thread)
     * @param onDropped called once, with the reason, when the subscriber is dropped for being too slow
     */
    public BoundedSubscriber(String name, int capacity, Function<CusaxEvent, String> encoder, Consumer<String> sink,
                             Consumer<String> onDropped, Executor senders) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.encoder = encoder;
        this.sink = sink;
        this.onDropped = onDropped;
        senders.execute(this::drain);
    }

    /** Remembers the subscription to close when this subscriber is dropped or closed. */
    public BoundedSubscriber attach(AutoCloseable subscription) {
        this.subscription = subscription;
        if (closed.get()) {
            closeQuietly(subscription);
        }
        return this;
    }

    @Override
    public void onEvent(CusaxEvent event) {
        if (closed.get()) {
            return;
        }
        if (queue.remainingCapacity() <= 1 || !queue.offer(encoder.apply(event))) {
            int behind = queue.size();
            LOG.warn("event subscriber {} dropped: {} events behind", name, behind);
            close();
            onDropped.accept("too slow: " + behind + " events were waiting; reconnect to resume");
        }
    }

    /**
     * Queues a message of the transport's own (already encoded) behind the events queued so far: the
     * subscriber receives it in order with them.
     */
    public void announce(String message) {
        if (!closed.get()) {
            queue.offer(message);
        }
    }

    private void drain() {
        try {
            while (true) {
                String next = queue.take();
                if (next == STOP) {
                    return;
                }
                sink.accept(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.info("event subscriber {} failed: {}", name, e.toString());
            close();
        }
    }

    public int pending() {
        return queue.size();
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            AutoCloseable s = subscription;
            if (s != null) {
                closeQuietly(s);
            }
            queue.clear();
            queue.offer(STOP);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
