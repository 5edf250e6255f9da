package org.cusax.core.event;

/** Receives events in the order they happened, on the event thread; must not block for long. */
@FunctionalInterface
public interface EventListener {
    void onEvent(CusaxEvent event);
}
